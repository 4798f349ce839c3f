/** The main navigation, in the order a reader needs it (src/site/sections.ts). */
import { navigationSections, siteSection, type SectionName } from './sections';

export interface NavItem {
  href: string;
  text: string;
  section: string;
}

export const MAIN_NAVIGATION: readonly NavItem[] = navigationSections().map(({ name, path, label, navigation }) =>
  navigation.page
    ? { href: `/${navigation.page}/`, text: navigation.text ?? label, section: navigation.page }
    : { href: path ?? '/', text: navigation.text ?? label, section: name },
);

export interface Crumb {
  href: string;
  text: string;
}

/** The breadcrumb back to a section's own page: "Bulletins", /bulletins/. */
export function sectionCrumb(name: SectionName): Crumb {
  const { path, label } = siteSection(name);
  if (!path) throw new Error(`The section "${name}" has no page to go back to`);
  return { href: path, text: label };
}
