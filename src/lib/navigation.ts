/** The main navigation, in the order a reader needs it. */
export interface NavItem { href: string; text: string; section: string }

export const MAIN_NAVIGATION: readonly NavItem[] = [
  { href: '/about/', text: 'About us', section: 'about' },
  { href: '/threshold/', text: 'Threshold', section: 'threshold' },
  { href: '/procedures/', text: 'Procedures', section: 'procedures' },
  { href: '/reviews/', text: 'Case reviews', section: 'reviews' },
  { href: '/bulletins/', text: 'Bulletins', section: 'bulletins' },
  { href: '/reports/', text: 'Annual reports', section: 'reports' },
  { href: '/strategy/', text: 'Strategy', section: 'strategy' },
];

export interface Crumb { href: string; text: string }
