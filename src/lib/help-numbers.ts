/**
 * Who to call, in the order a worried person needs it: the panel
 * "Worried about a child or an adult?" (src/components/HelpNumbers.astro, and
 * its preview in the CMS). A number left empty in the settings is not shown.
 */
import type { SettingsData } from './types';

export interface HelpCaller { key: string; heading: string; number: string; text: string; emergency?: boolean }

export const DEFAULT_HELP_TITLE = 'Worried about a child or an adult?';

export function helpCallers(settings: Pick<SettingsData, 'childrenInHours' | 'childrenInHoursTimes' | 'adultsInHours' | 'outOfHours'>): HelpCaller[] {
  const callers: (Omit<HelpCaller, 'number'> & { number?: string })[] = [
    { key: 'emergency', heading: 'Someone is in immediate danger', number: '999', text: 'Call the police or an ambulance now.', emergency: true },
    { key: 'children', heading: 'Worried about a child, office hours', number: settings.childrenInHours, text: `Southend children's social care${settings.childrenInHoursTimes ? `, ${settings.childrenInHoursTimes}` : ''}.` },
    { key: 'adults', heading: 'Worried about an adult, office hours', number: settings.adultsInHours, text: 'Southend adult social care.' },
    { key: 'out-of-hours', heading: 'Evenings, weekends and bank holidays', number: settings.outOfHours, text: 'The emergency duty service, for children and adults.' },
    { key: 'police', heading: 'Not an emergency, but you think a crime has happened', number: '101', text: 'The police non-emergency number.' },
  ];
  return callers.filter((caller): caller is HelpCaller => typeof caller.number === 'string' && caller.number.trim() !== '');
}
