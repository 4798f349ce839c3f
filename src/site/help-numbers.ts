/**
 * Who to call, in the order a worried person needs it: the panel
 * "Worried about a child or an adult?" (src/components/HelpNumbers.astro, and
 * its preview in the CMS, src/cms/preview-html.ts). A number left empty in
 * the settings is not shown; adults are still told what to do when theirs is.
 * Then the routes for people who cannot hear or speak on the phone: the
 * national ones (Relay UK, emergencySMS, 999 BSL) and the council's online
 * forms, where the settings have them.
 */
import { relayUkCall, type RelayUkCall } from './phone';
import type { SettingsData } from '../content/data-types';

export interface HelpLink {
  href: string;
  text: string;
}

export interface HelpCaller {
  key: string;
  heading: string;
  /** The number to call, shown large as a telephone link. */
  number?: string;
  /** Where there is no number to call: where to go instead. */
  link?: HelpLink;
  text: string;
  /** The same call through Relay UK, from a textphone or the Relay UK app: "18001 then 01702 215007". */
  relay?: RelayUkCall;
  emergency?: boolean;
}

/** A way to get help without speaking on the phone. */
export interface TextRoute {
  key: string;
  lead: string;
  text: string;
  link: HelpLink;
}

export const DEFAULT_HELP_TITLE = 'Worried about a child or an adult?';

export const TEXT_ROUTES_HEADING = 'If you cannot hear or speak on the phone';

export const COUNCIL = 'Southend-on-Sea City Council';

/** National services, the same everywhere in the UK: not settings. */
export const NATIONAL_TEXT_ROUTES: readonly TextRoute[] = [
  {
    key: 'emergency-sms',
    lead: 'Text 999 in an emergency.',
    text: 'You can do this once you have registered with emergencySMS. Register now, before you need it: text "register" to 999, then follow the replies.',
    link: { href: 'https://www.emergencysms.net/', text: 'Find out about emergencySMS' },
  },
  {
    key: '999-bsl',
    lead: 'Call 999 in British Sign Language (BSL).',
    text: '999 BSL is a free video relay service: use its app or its website.',
    link: { href: 'https://999bsl.co.uk/', text: 'Go to 999 BSL' },
  },
  {
    key: 'relay-uk',
    lead: 'Use Relay UK from a textphone or the Relay UK app.',
    text: 'Call 18000 for 999. For any other number on this page, call 18001 then the number.',
    link: { href: 'https://www.relayuk.bt.com/', text: 'Find out about Relay UK' },
  },
];

export type HelpSettings = Partial<
  Pick<
    SettingsData,
    | 'childrenInHours'
    | 'childrenInHoursTimes'
    | 'adultsInHours'
    | 'adultsContactPage'
    | 'outOfHours'
    | 'childrenOnlineForm'
    | 'adultsOnlineForm'
  >
>;

function filled(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** A number to call, with its Relay UK number. */
function call(caller: Omit<HelpCaller, 'relay'> & { number: string }): HelpCaller {
  return { ...caller, number: caller.number.trim(), relay: relayUkCall(caller.number) };
}

/**
 * Adults in office hours: their number when the settings have one; until
 * then, the council's page on contacting adult social care, so the panel
 * never leaves an adult with nothing to do.
 */
function adultsCaller(settings: HelpSettings): HelpCaller {
  const heading = 'Worried about an adult, office hours';
  if (filled(settings.adultsInHours))
    return call({ key: 'adults', heading, number: settings.adultsInHours, text: 'Southend adult social care.' });
  const atOtherTimes = filled(settings.outOfHours) ? ' At other times, call the emergency duty service.' : '';
  if (!filled(settings.adultsContactPage))
    return { key: 'adults', heading, text: `Contact ${COUNCIL}'s adult social care.${atOtherTimes}` };
  return {
    key: 'adults',
    heading,
    link: { href: settings.adultsContactPage.trim(), text: 'Contact Southend adult social care' },
    text: `On the ${COUNCIL} website.${atOtherTimes}`,
  };
}

export function helpCallers(settings: HelpSettings): HelpCaller[] {
  const callers: (HelpCaller | undefined)[] = [
    call({
      key: 'emergency',
      heading: 'Someone is in immediate danger',
      number: '999',
      text: 'Call the police or an ambulance now.',
      emergency: true,
    }),
    filled(settings.childrenInHours)
      ? call({
          key: 'children',
          heading: 'Worried about a child, office hours',
          number: settings.childrenInHours,
          text: `Southend children's social care${filled(settings.childrenInHoursTimes) ? `, ${settings.childrenInHoursTimes.trim()}` : ''}.`,
        })
      : undefined,
    adultsCaller(settings),
    filled(settings.outOfHours)
      ? call({
          key: 'out-of-hours',
          heading: 'Evenings, weekends and bank holidays',
          number: settings.outOfHours,
          text: 'The emergency duty service, for children and adults.',
        })
      : undefined,
    call({
      key: 'police',
      heading: 'Not an emergency, but you think a crime has happened',
      number: '101',
      text: 'The police non-emergency number.',
    }),
  ];
  return callers.filter((caller): caller is HelpCaller => caller !== undefined);
}

/**
 * For people who cannot hear or speak on the phone: the national services,
 * then the council's online forms for reporting a concern, where the
 * settings have them (an empty one is not shown).
 */
export function textRoutes(settings: HelpSettings): TextRoute[] {
  const forms: (TextRoute | undefined)[] = [
    filled(settings.childrenOnlineForm)
      ? {
          key: 'children-form',
          lead: 'Worried about a child?',
          text: "You can tell Southend children's social care in writing.",
          link: { href: settings.childrenOnlineForm.trim(), text: 'Report a concern about a child online' },
        }
      : undefined,
    filled(settings.adultsOnlineForm)
      ? {
          key: 'adults-form',
          lead: 'Worried about an adult?',
          text: 'You can tell Southend adult social care in writing.',
          link: { href: settings.adultsOnlineForm.trim(), text: 'Report a concern about an adult online' },
        }
      : undefined,
  ];
  return [...NATIONAL_TEXT_ROUTES, ...forms.filter((route): route is TextRoute => route !== undefined)];
}
