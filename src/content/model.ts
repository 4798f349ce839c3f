/**
 * The one content model. Every collection and field the site knows is
 * described here once; the build's zod schemas (src/content/schemas.ts)
 * and the CMS configuration are both made from these descriptions, so they
 * cannot disagree.
 */

export const REVIEW_TYPES = [
  'Child Safeguarding Practice Review',
  'Safeguarding Adults Review',
  'Domestic Homicide Review',
  'Serious Case Review',
  'Learning Review',
] as const;

export const AUDIENCES = ['children', 'adults', 'all'] as const;

/** How readers see each audience: `heading` over the procedures for it, `name` in the search filters and results. */
export const AUDIENCE_LABELS: Readonly<Record<(typeof AUDIENCES)[number], { heading: string; name: string }>> = {
  children: { heading: 'Children and young people', name: 'Children' },
  adults: { heading: 'Adults', name: 'Adults' },
  all: { heading: 'Children and adults', name: 'Children and adults' },
};

/** The GOV.UK sample accessibility statement's kinds of non-accessible content. */
export const KNOWN_ISSUE_CATEGORIES = [
  'Non-compliance with the accessibility regulations',
  'Disproportionate burden',
  'Not within the scope of the accessibility regulations',
] as const;

/**
 * A glossary term, and each of its other spellings: one word, starting with a
 * capital letter. Pages are searched for it as a word in its own capitals, so
 * an ordinary word ("The") can never be taken for an abbreviation.
 */
export const TERM_PATTERN = { regex: '^[A-Z][A-Za-z0-9+&-]+$', message: 'one word of two or more letters or numbers, starting with a capital letter, for example MASH or MASH+' } as const;

/** Formats a document may have, by file extension: as a link names it, and the media type the site serves it as. */
export const DOCUMENT_FORMATS = {
  pdf: { name: 'PDF', mediaType: 'application/pdf' },
  docx: { name: 'Word document', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  doc: { name: 'Word document', mediaType: 'application/msword' },
  odt: { name: 'OpenDocument text', mediaType: 'application/vnd.oasis.opendocument.text' },
  xlsx: { name: 'Excel spreadsheet', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  ods: { name: 'OpenDocument spreadsheet', mediaType: 'application/vnd.oasis.opendocument.spreadsheet' },
  pptx: { name: 'PowerPoint presentation', mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  odp: { name: 'OpenDocument presentation', mediaType: 'application/vnd.oasis.opendocument.presentation' },
} as const satisfies Record<string, { name: string; mediaType: string }>;

/** Formats an image in content may have, by file extension: sharp makes AVIF and WebP versions of each. */
export const IMAGE_FORMATS = ['jpg', 'jpeg', 'png', 'webp', 'avif'] as const;

/**
 * Where editors' images live: the CMS uploads to this folder, and content
 * names them by their address on the site ("/images/diagram.png"). The build
 * runs every one through sharp (astro:assets) into sized AVIF, WebP and
 * original-format versions in /_astro/.
 */
export const MEDIA = { folder: 'public/images', publicPath: '/images' } as const;

interface FieldBase {
  name: string;
  label: string;
  /** Shown to editors under the field, and used in build errors. */
  hint?: string;
  required: boolean;
}

export type Field =
  /** `unique`: as for integers, no two entries may have the same value (a glossary term). */
  | (FieldBase & { kind: 'string'; pattern?: { regex: string; message: string }; maxLength?: number; unique?: boolean })
  | (FieldBase & { kind: 'text'; maxLength?: number })
  /** `retention`: a review's publication date; the CMS shows what the one-year rule does with it. */
  | (FieldBase & { kind: 'date'; retention?: boolean })
  /** `unique`: no two entries of the collection may have the same value (the build and the CMS check it). */
  | (FieldBase & { kind: 'integer'; min?: number; max?: number; unique?: boolean })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'select'; options: readonly string[] })
  | (FieldBase & { kind: 'url' })
  | (FieldBase & { kind: 'email' })
  | (FieldBase & { kind: 'phone' })
  | (FieldBase & { kind: 'document' })
  /** An image in the media folder, by its address: "/images/name.png". */
  | (FieldBase & { kind: 'image' })
  /** An entry of another collection, by its file name without .mdx ("child-a-practice-review"): it must exist. */
  | (FieldBase & { kind: 'relation'; collection: CollectionName })
  | (FieldBase & {
      kind: 'string-list';
      itemLabel: string;
      /** What each item must look like, checked by the build and as the editor types. */
      itemPattern?: { regex: string; message: string };
    })
  | (FieldBase & { kind: 'object-list'; itemLabel: string; summary: string; fields: readonly Field[] });

export interface Collection {
  name: CollectionName;
  label: string;
  labelSingular: string;
  description: string;
  /** Folder under content/. */
  folder: string;
  /** 'entries' is a folder of .mdx files with a body; 'settings' is one YAML file. */
  type: 'entries' | 'settings';
  /** For 'settings': the one file in the folder. */
  file?: string;
  fields: readonly Field[];
  /** What the MDX body holds, shown to editors. Entries only. */
  bodyLabel?: string;
  bodyHint?: string;
  /** How entries are listed in the CMS. */
  sortBy?: string;
}

export type CollectionName =
  | 'pages'
  | 'strategy'
  | 'threshold'
  | 'procedures'
  | 'bulletins'
  | 'reviews'
  | 'briefings'
  | 'reports'
  | 'glossary'
  | 'settings'
  | 'accessibility';

const sample = {
  name: 'sample',
  label: 'Sample content',
  kind: 'boolean',
  required: false,
  hint: 'Tick while this is example text, not the partnership\'s real content. The page then shows a "Sample content" tag.',
} as const satisfies Field;

const title = (hint: string) => ({ name: 'title', label: 'Title', kind: 'string', required: true, hint, maxLength: 150 }) as const satisfies Field;

const summary = (hint: string) => ({ name: 'summary', label: 'Summary', kind: 'text', required: true, hint, maxLength: 600 }) as const satisfies Field;

const documents = (hint: string) => ({
  name: 'documents',
  label: 'Documents',
  kind: 'object-list',
  required: false,
  itemLabel: 'Document',
  summary: '{{fields.title}}',
  hint,
  fields: [
    { name: 'title', label: 'Document title', kind: 'string', required: true, hint: 'What the document is, for example "Learning briefing".' },
    { name: 'file', label: 'File', kind: 'document', required: true, hint: 'A PDF or an office document. The page shows its format and size.' },
    {
      name: 'accessibleAlternative', label: 'Accessible alternative', kind: 'text', required: true, maxLength: 300,
      hint: 'Required for every document: how someone who cannot use the document (with a screen reader or a magnifier, say) gets the same information, for example "This page gives what happened and what the review found; for the report in another format, email the partnership." Shown under the link.',
    },
  ],
}) as const satisfies Field;

/**
 * The collections, with every name, kind and option kept as written (`as
 * const`, checked against Collection), so src/content/data-types.ts derives
 * each collection's data type from them: a field added here is in the type,
 * one removed is gone from it. Code that wants any collection takes a
 * Collection.
 */
export const COLLECTIONS = [
  {
    name: 'pages',
    label: 'Pages',
    labelSingular: 'Page',
    description: 'General pages: about the partnership, report a concern, contact, privacy, accessibility, staying safe online.',
    folder: 'pages',
    type: 'entries',
    fields: [
      title('The page\'s main heading.'),
      { name: 'description', label: 'Description', kind: 'text', required: true, maxLength: 300, hint: 'One or two sentences: what this page is for. Shown in search results and when the page is shared.' },
      { name: 'updated', label: 'Last updated', kind: 'date', required: false, hint: 'The date the content last changed in a way readers should know about.' },
      sample,
    ],
    bodyLabel: 'Page content',
    bodyHint: 'Use headings starting at level 2 (##). The page title is the level 1 heading.',
  },
  {
    name: 'strategy',
    label: 'Strategy',
    labelSingular: 'Strategy',
    description: 'The partnership\'s strategy: vision, mission, priorities and a plan for each year.',
    folder: 'strategy',
    type: 'entries',
    sortBy: 'period',
    fields: [
      title('For example "Strategy 2020 to 2023".'),
      { name: 'period', label: 'Years covered', kind: 'string', required: true, pattern: { regex: '^\\d{4}-\\d{4}$', message: 'years as YYYY-YYYY, for example 2020-2023' }, hint: 'As YYYY-YYYY, for example 2020-2023.' },
      { name: 'current', label: 'Current strategy', kind: 'boolean', required: false, hint: 'Tick for the strategy shown at /strategy/. Only one may be current.' },
      summary('One or two sentences about the strategy, for search and sharing.'),
      { name: 'vision', label: 'Vision', kind: 'text', required: true, hint: 'One or two sentences: what the partnership wants for children and adults in Southend.' },
      { name: 'mission', label: 'Mission', kind: 'string-list', itemLabel: 'Mission statement', required: true, hint: 'Each statement is a bullet point on the strategy page.' },
      {
        name: 'priorityGroups', label: 'Priorities', kind: 'object-list', itemLabel: 'Priority group', summary: '{{fields.heading}}', required: true,
        hint: 'Each group of priorities, for example "Partnership priorities".',
        fields: [
          { name: 'heading', label: 'Heading', kind: 'string', required: true },
          { name: 'items', label: 'Priorities', kind: 'string-list', itemLabel: 'Priority', required: true },
        ],
      },
      {
        name: 'plans', label: 'Plans by year', kind: 'object-list', itemLabel: 'Year plan', summary: '{{fields.year}}', required: true,
        fields: [
          { name: 'year', label: 'Year', kind: 'string', required: true, pattern: { regex: '^\\d{4}-\\d{4}$', message: 'a year as YYYY-YYYY, for example 2020-2021' } },
          {
            name: 'rows', label: 'Priorities this year', kind: 'object-list', itemLabel: 'Row', summary: '{{fields.priority}}', required: true,
            fields: [
              { name: 'priority', label: 'Priority', kind: 'string', required: true },
              { name: 'action', label: 'Action', kind: 'text', required: true },
              { name: 'outcome', label: 'Outcome', kind: 'text', required: true },
            ],
          },
        ],
      },
      sample,
    ],
    bodyLabel: 'Who we are, what we do and how the strategy was made',
  },
  {
    name: 'threshold',
    label: 'Threshold levels',
    labelSingular: 'Threshold level',
    description: 'The threshold document, one entry per level of need.',
    folder: 'threshold',
    type: 'entries',
    sortBy: 'level',
    fields: [
      { name: 'level', label: 'Level', kind: 'integer', required: true, min: 1, max: 6, unique: true, hint: 'The level number: 1 is universal, higher numbers are greater need.' },
      title('The level\'s name, for example "Universal".'),
      summary('Who this level is for, in one or two sentences.'),
      { name: 'signs', label: 'What the need may look like', kind: 'string-list', itemLabel: 'Sign', required: true, hint: 'One sign a line, as a practitioner might notice it.' },
      { name: 'whatToDo', label: 'What to do next', kind: 'string-list', itemLabel: 'Step', required: true, hint: 'The steps in order; they are numbered on the page.' },
      sample,
    ],
    bodyLabel: 'More about this level',
  },
  {
    name: 'procedures',
    label: 'Procedures',
    labelSingular: 'Procedure',
    description: 'Local procedures, and links to the shared Southend, Essex and Thurrock (SET) procedures.',
    folder: 'procedures',
    type: 'entries',
    sortBy: 'title',
    fields: [
      title('The procedure\'s name.'),
      summary('What the procedure covers and who must follow it.'),
      { name: 'audience', label: 'Audience', kind: 'select', options: AUDIENCES, required: true, hint: 'children, adults, or all.' },
      { name: 'category', label: 'Category', kind: 'string', required: true, maxLength: 100, hint: 'For example "Case reviews" or "Working together". Procedures are grouped by it.' },
      { name: 'lastReviewed', label: 'Last reviewed', kind: 'date', required: true, hint: 'When the partnership last checked this procedure was right.' },
      { name: 'reviewDue', label: 'Review due', kind: 'date', required: true, hint: 'After this date the page says the procedure may be out of date.' },
      { name: 'url', label: 'External procedure address', kind: 'url', required: false, hint: 'Only for a procedure held elsewhere, such as the SET procedures: the full https:// address.' },
      {
        name: 'changes', label: 'What changed', kind: 'object-list', itemLabel: 'Change', summary: '{{fields.date}}: {{fields.summary}}', required: false,
        hint: 'Each change to the procedure: the day it took effect and one sentence saying what changed. Shown newest first under "What changed" on its page, on /procedures/changes/ and in that page\'s feed.',
        fields: [
          { name: 'date', label: 'Date', kind: 'date', required: true, hint: 'The day the change took effect.' },
          { name: 'summary', label: 'What changed', kind: 'text', required: true, maxLength: 300, hint: 'One sentence, for example "Added the out-of-hours number for the LADO."' },
        ],
      },
      sample,
    ],
    bodyLabel: 'The procedure',
  },
  {
    name: 'bulletins',
    label: 'Bulletins',
    labelSingular: 'Bulletin',
    description: 'Weekly bulletins for partners.',
    folder: 'bulletins',
    type: 'entries',
    sortBy: 'number',
    fields: [
      { name: 'number', label: 'Bulletin number', kind: 'integer', required: true, min: 1, unique: true, hint: 'A whole number, unique to this bulletin.' },
      title('For example "COVID-19 partner bulletin 5".'),
      { name: 'date', label: 'Date', kind: 'date', required: true, hint: 'The day the bulletin was sent. The page tells readers that guidance may have changed since.' },
      summary('What this bulletin covers, in one or two sentences.'),
      { name: 'topics', label: 'Topics', kind: 'string-list', itemLabel: 'Topic', required: false, hint: 'A few words each, for example "Schools". Shown under the summary.' },
      {
        name: 'links', label: 'Links', kind: 'object-list', itemLabel: 'Link', summary: '{{fields.title}}', required: false,
        fields: [
          { name: 'title', label: 'Link text', kind: 'string', required: true, hint: 'Says where the link goes. Never "click here".' },
          { name: 'url', label: 'Address', kind: 'url', required: true },
        ],
      },
      sample,
    ],
    bodyLabel: 'Bulletin',
  },
  {
    name: 'reviews',
    label: 'Reviews',
    labelSingular: 'Review',
    description: 'Published case reviews. Each is on the site from its publication date for the retention period in Site settings, then available on request. "Filter by", above the list, shows the reviews scheduled, on the site, leaving in the next 30 days or withdrawn today; choose a filter again to show every review.',
    folder: 'reviews',
    type: 'entries',
    sortBy: 'published',
    fields: [
      title('The review\'s published name, for example "Child J". The site puts the type of review before it: "Child Safeguarding Practice Review Child J".'),
      { name: 'type', label: 'Type of review', kind: 'select', options: REVIEW_TYPES, required: true, hint: 'Reviews are grouped by type on the reviews page.' },
      { name: 'published', label: 'Publication date', kind: 'date', required: true, retention: true, hint: 'The review appears on this date and leaves the site one year later.' },
      summary('What happened and what the review found, in a few sentences.'),
      documents('The review report and any other documents of the review. They leave the site with the review.'),
      { name: 'themes', label: 'Learning themes', kind: 'string-list', itemLabel: 'Theme', required: false, hint: 'A few words each, for example "Information sharing".' },
      sample,
    ],
    bodyLabel: 'What happened and what the review found',
    bodyHint: 'What practitioners should do differently and questions for teams go in the review\'s learning briefing (Learning briefings), which stays on the site after the review leaves.',
  },
  {
    name: 'briefings',
    label: 'Learning briefings',
    labelSingular: 'Learning briefing',
    description: 'A short "7-minute briefing" for each review: its learning themes, what practitioners should do differently and questions for team discussion. A briefing appears on its review\'s publication date and stays on the site after the review is withdrawn.',
    folder: 'briefings',
    type: 'entries',
    sortBy: 'title',
    fields: [
      title('For example "Learning from Child A". Shown as the briefing\'s main heading.'),
      {
        name: 'review', label: 'Review', kind: 'relation', collection: 'reviews', required: true,
        hint: 'The review this briefing comes from. The briefing appears on the review\'s publication date, and stays when the review leaves the site.',
      },
      summary('What the briefing is about, in one or two sentences, for the list of briefings, search and sharing. Do not copy sentences from the review: they leave the site with it.'),
      { name: 'themes', label: 'Learning themes', kind: 'string-list', itemLabel: 'Theme', required: false, hint: 'A few words each, for example "Information sharing".' },
      sample,
    ],
    bodyLabel: 'The briefing',
    bodyHint: 'Short enough to print on one or two pages: for example "What practitioners should do" and "Questions for your team", each as a level 2 heading (##) with a bulleted list. Write it in your own words: do not copy sentences from the review.',
  },
  {
    name: 'reports',
    label: 'Annual reports',
    labelSingular: 'Annual report',
    description: 'Annual reports of the partnership and of the board before it.',
    folder: 'reports',
    type: 'entries',
    sortBy: 'published',
    fields: [
      title('For example "Interim annual report 2019 to 2020".'),
      { name: 'period', label: 'Period', kind: 'string', required: true, pattern: { regex: '^\\d{4}/\\d{2}$', message: 'a year as YYYY/YY, for example 2019/20' }, hint: 'As YYYY/YY, for example 2019/20.' },
      { name: 'published', label: 'Publication date', kind: 'date', required: true },
      summary('What the report covers.'),
      { name: 'highlights', label: 'Highlights', kind: 'string-list', itemLabel: 'Highlight', required: false, hint: 'One achievement or finding a line, in a sentence.' },
      documents('The full report, if published as a document.'),
      sample,
    ],
    bodyLabel: 'Report summary',
  },
  {
    name: 'glossary',
    label: 'Glossary',
    labelSingular: 'Glossary term',
    description: 'The abbreviations the site uses, with what each stands for and what it means in plain English (/glossary/). Where a page first uses one, the site writes out what it stands for and links it here.',
    folder: 'glossary',
    type: 'entries',
    sortBy: 'term',
    fields: [
      {
        name: 'term', label: 'Term', kind: 'string', required: true, unique: true, maxLength: 20,
        pattern: TERM_PATTERN,
        hint: 'As it is usually written, for example "MASH+" or "LADO". One word of two or more letters, starting with a capital letter. No two terms may be the same.',
      },
      { name: 'expansion', label: 'Stands for', kind: 'string', required: true, maxLength: 150, hint: 'What it stands for, as you would write it out, for example "Multi-Agency Safeguarding Hub". Pages show it before the term the first time they use it.' },
      {
        name: 'aliases', label: 'Other spellings', kind: 'string-list', itemLabel: 'Other spelling', required: false, itemPattern: TERM_PATTERN,
        hint: 'Other ways the same term is written, for example "MASH" for "MASH+" or "Cafcass" for "CAFCASS". One word each, starting with a capital letter. These are found and explained too.',
      },
      {
        name: 'otherExpansions', label: 'Other ways of writing it out', kind: 'string-list', itemLabel: 'Other way of writing it out', required: false,
        hint: 'Other correct ways of writing out what it stands for, for example "Safeguarding Adult Review" for "Safeguarding Adults Review". Where a page already writes one of these before the term, the site does not write it out again.',
      },
      {
        name: 'wellKnown', label: 'Everyone knows it', kind: 'boolean', required: false,
        hint: 'Tick for an abbreviation almost everyone knows better than its full name, such as NHS, GP or UK. GOV.UK style does not write these out: pages leave them as they are, and the glossary still explains them.',
      },
    ],
    bodyLabel: 'What it means',
    bodyHint: 'A sentence or three in plain English: what it is and what it does, for someone who has never heard of it.',
  },
  {
    name: 'settings',
    label: 'Site settings',
    labelSingular: 'Site settings',
    description: 'Contact details, phone numbers for reporting a concern, and the review retention period.',
    folder: 'settings',
    type: 'settings',
    file: 'site.yaml',
    fields: [
      { name: 'siteName', label: 'Site name', kind: 'string', required: true, hint: 'In the header of every page and in browser tabs.' },
      { name: 'organisation', label: 'Organisation', kind: 'string', required: true, hint: 'The partnership\'s full name, under the site name.' },
      { name: 'email', label: 'Partnership email', kind: 'email', required: true, hint: 'In the footer and the contact details. Not for worries about a particular person.' },
      { name: 'phone', label: 'Partnership phone', kind: 'phone', required: true, hint: 'For example 01702 534706. In the footer and the contact details.' },
      { name: 'address', label: 'Postal address', kind: 'string-list', itemLabel: 'Address line', required: true, hint: 'One line of the address each, ending with the postcode.' },
      { name: 'childrenInHours', label: 'Children\'s social care, office hours', kind: 'phone', required: false, hint: 'Leave empty if not known: an empty number is not shown.' },
      { name: 'childrenInHoursTimes', label: 'Office hours', kind: 'string', required: false, hint: 'For example "Monday to Thursday 8:45am to 5:15pm, Friday 8:45am to 4:45pm".' },
      { name: 'adultsInHours', label: 'Adult social care, office hours', kind: 'phone', required: false, hint: 'Leave empty if not known: an empty number is not shown.' },
      { name: 'outOfHours', label: 'Out of hours emergency duty service', kind: 'phone', required: false, hint: 'For children and adults, evenings, weekends and bank holidays.' },
      {
        name: 'adultsContactPage', label: 'Adult social care, how to contact them', kind: 'url', required: true,
        hint: 'The council\'s web page that tells people how to contact adult social care, such as https://www.southend.gov.uk/. While the office-hours number for adults is empty, "Worried about a child or an adult?" sends adults here.',
      },
      {
        name: 'childrenOnlineForm', label: 'Children\'s social care, online form', kind: 'url', required: false,
        hint: 'The full https:// address of the council\'s form for reporting a concern about a child, for people who cannot hear or speak on the phone. Leave empty if there is none: an empty address is not shown.',
      },
      {
        name: 'adultsOnlineForm', label: 'Adult social care, online form', kind: 'url', required: false,
        hint: 'The full https:// address of the council\'s form for reporting a concern about an adult, for people who cannot hear or speak on the phone. Leave empty if there is none: an empty address is not shown.',
      },
      { name: 'reviewRetentionYears', label: 'Years a review stays on the site', kind: 'integer', required: true, min: 1, max: 10, hint: 'The partnership\'s rule is one year.' },
      { name: 'exitUrl', label: 'Exit this page goes to', kind: 'url', required: true, hint: 'A neutral site, such as https://www.bbc.co.uk/weather. The pages "Staying safe online" and "Privacy" say where the button goes: if you change this, change what they say too.' },
    ],
  },
  {
    name: 'accessibility',
    label: 'Accessibility statement',
    labelSingular: 'Accessibility statement',
    description: 'The accessibility statement\'s dates, who tests the website, any check by hand, and the known accessibility problems it lists (/accessibility/). The date of the last automated test and what it checked are filled in by the build.',
    folder: 'settings',
    type: 'settings',
    file: 'accessibility.yaml',
    fields: [
      { name: 'statementPrepared', label: 'Statement first prepared', kind: 'date', required: true, hint: 'The day this accessibility statement was first written. The statement says "This statement was prepared on ...".' },
      {
        name: 'statementReviewed', label: 'Statement last reviewed', kind: 'date', required: true,
        hint: 'The day someone last checked that every sentence of the statement, and every known problem below, is still true. Review it at least once a year: the content check warns when the last review is over a year old.',
      },
      { name: 'testedBy', label: 'Who tests the website', kind: 'string', required: true, maxLength: 150, hint: 'Who wrote and runs the automated tests, completing "The test was carried out by ...", for example "the partnership\'s web developers".' },
      {
        name: 'manualAudits', label: 'Checks by hand (accessibility audits)', kind: 'object-list', itemLabel: 'Check by hand', summary: '{{fields.date}}: {{fields.by}}', required: false,
        hint: 'Only a check by a person (for example with a keyboard, a screen reader and speech recognition software), not the automated tests. While there is none, the statement says the testing was automated only.',
        fields: [
          { name: 'date', label: 'Date finished', kind: 'date', required: true },
          { name: 'by', label: 'Carried out by', kind: 'string', required: true, maxLength: 150, hint: 'The person or organisation, for example "the Digital Accessibility Centre".' },
          { name: 'scope', label: 'What was checked, and how', kind: 'text', required: true, maxLength: 600, hint: 'Completes "They checked ...", for example "every page, by keyboard and with the NVDA and VoiceOver screen readers, against WCAG 2.2 AA".' },
        ],
      },
      {
        name: 'knownIssues', label: 'Known accessibility problems', kind: 'object-list', itemLabel: 'Problem', summary: '{{fields.problem}}', required: false,
        hint: 'Every problem you know of that someone could meet on this website. The statement lists them and says the website is "partially compliant" while any fails the accessibility regulations.',
        fields: [
          { name: 'problem', label: 'What does not work', kind: 'text', required: true, maxLength: 600, hint: 'In plain words, and for whom, for example "Some older PDF reports are not tagged, so screen readers cannot read their headings."' },
          { name: 'summary', label: 'In a few words', kind: 'string', required: false, maxLength: 200, hint: 'For the list at the top of the statement, completing "We know some parts of this website are not fully accessible: ...", for example "the review reports (PDFs) are not tagged for screen readers". Leave empty to use "What does not work".' },
          { name: 'category', label: 'Why it is not accessible', kind: 'select', options: KNOWN_ISSUE_CATEGORIES, required: true, hint: 'As the GOV.UK sample statement sorts them.' },
          { name: 'criteria', label: 'WCAG success criteria it fails', kind: 'string-list', itemLabel: 'Success criterion', required: false, hint: 'Number and name, for example "1.1.1 Non-text content".' },
          { name: 'plan', label: 'What we are doing about it', kind: 'text', required: false, maxLength: 600 },
          { name: 'fixBy', label: 'Fixed by', kind: 'date', required: false, hint: 'When we plan to fix it, if we do.' },
        ],
      },
    ],
  },
] as const satisfies readonly Collection[];

/** The collections as the model describes them, for deriving types (src/content/data-types.ts). */
export type CollectionModel = typeof COLLECTIONS;

export function getCollection(name: CollectionName): Collection {
  const found = COLLECTIONS.find((collection) => collection.name === name);
  if (!found) throw new Error(`No collection called "${name}"`);
  return found;
}

/** A component editors may write in an MDX body, with its attributes described as fields. */
export interface BodyComponent {
  name: string;
  label: string;
  hint: string;
  /** Attributes, written as text in quotes: <Figure src="..." alt="..." />. */
  props: readonly Field[];
}

/**
 * Components in bodies whose attributes the build checks, like fields. (An
 * image written as Markdown, ![alternative text](/images/name.png), is
 * checked the same way as a Figure without a caption.)
 */
export const BODY_COMPONENTS = [
  {
    name: 'Figure',
    label: 'Image',
    hint: 'An image from the media library, with alternative text and an optional caption. The site makes small and large versions in modern formats.',
    props: [
      { name: 'src', label: 'Image', kind: 'image', required: true, hint: 'Upload the image to the media library (images/). JPEG, PNG, WebP or AVIF.' },
      {
        name: 'alt', label: 'Alternative text', kind: 'text', required: true, maxLength: 300,
        hint: 'What the image shows or tells the reader, for someone who cannot see it. Not the file name, and not "image of".',
      },
      { name: 'caption', label: 'Caption', kind: 'string', required: false, maxLength: 300, hint: 'Shown under the image, for everyone. Optional.' },
    ],
  },
] as const satisfies readonly BodyComponent[];

export function getBodyComponent(name: string): BodyComponent | undefined {
  return BODY_COMPONENTS.find((component) => component.name === name);
}

/**
 * The other components editors may put in a body, as the CMS offers them
 * (buttons in its rich text editor: src/cms/editor-components.ts) and as
 * src/components/Prose.astro renders them. `text` is what goes between the
 * tags, if anything; `props` are attributes, as for BODY_COMPONENTS.
 */
export interface BodyBlock {
  name: 'Warning' | 'Inset' | 'HelpNumbers' | 'ContactPanel' | 'Table';
  label: string;
  hint: string;
  text?: { label: string; hint: string; paragraphs: boolean };
  props: readonly Field[];
}

export const BODY_BLOCKS: readonly BodyBlock[] = [
  {
    name: 'Warning',
    label: 'Warning',
    hint: 'Bold text with a "!" icon, for the one thing a reader must not miss, such as "If someone is in immediate danger, call 999."',
    text: { label: 'Warning text', hint: 'One or two short sentences, in one paragraph. You can use a link.', paragraphs: false },
    props: [],
  },
  {
    name: 'Inset',
    label: 'Inset text',
    hint: 'Text set apart by a line on its left, for a note, a quotation or an example the reader should notice.',
    text: { label: 'Text', hint: 'Leave a blank line between paragraphs. You can use links, bold text and lists.', paragraphs: true },
    props: [],
  },
  {
    name: 'HelpNumbers',
    label: 'Who to call',
    hint: 'The "Worried about a child or an adult?" panel: 999, the numbers from the site settings, and 101, each with its Relay UK number; then the ways to get help without speaking on the phone (text 999, 999 BSL, Relay UK and the council\'s online forms). Change the numbers and forms in Site settings.',
    props: [
      { name: 'title', label: 'Heading', kind: 'string', required: false, maxLength: 100, hint: 'Leave empty for "Worried about a child or an adult?".' },
    ],
  },
  {
    name: 'ContactPanel',
    label: 'Contact details',
    hint: 'The partnership\'s email address, phone number and postal address, from the site settings. Nothing to fill in here.',
    props: [],
  },
  /**
   * A table with a caption: the table itself in Markdown between the tags.
   * The build checks its attributes like fields (src/content/tables.ts)
   * and shows it with its caption, row headings and a scroll box named by
   * the caption (src/components/table/Table.astro, src/content/table-html.ts).
   * <Table caption="National helplines" firstCellIsHeader="true">
   * | Helpline | Number |
   * | --- | --- |
   * | Childline | 0800 1111 |
   * </Table>
   */
  {
    name: 'Table',
    label: 'Table',
    hint: 'A table with a caption that says what it shows. The caption is shown above the table, and screen readers read it out when they reach the table. A wide table scrolls sideways in its own box on a small screen.',
    text: {
      label: 'Table, in Markdown',
      // The CMS shows a hint as Markdown (keeping only links and emphasis): each piece of table syntax is
      // in `code`, so it shows as typed, and the example keeps its lines (cms/admin.css).
      hint: 'One row a line, cells between `|` bars. The second line marks the header row: `| --- | --- |`. A colon in it aligns a column: `| ---: |` puts numbers on the right. For example:\n`| Helpline | Number |`\n`| --- | --- |`\n`| Childline | 0800 1111 |`',
      paragraphs: true,
    },
    props: [
      {
        name: 'caption', label: 'Caption', kind: 'string', required: true, maxLength: 200,
        hint: 'What the table shows, in a few words, for example "National helplines: who each is for, its number and when it is open". Shown above the table. Each table on a page needs its own caption.',
      },
      {
        name: 'firstCellIsHeader', label: 'First column is headings', kind: 'boolean', required: false,
        hint: 'Tick when the first cell of each row names that row (a helpline, a measure, a year), so a screen reader says it with every other cell in the row.',
      },
    ],
  },
];

/** The Table block: its caption and "first column is headings" attributes. */
export function tableBlock(): BodyBlock & { text: NonNullable<BodyBlock['text']> } {
  const table = BODY_BLOCKS.find((block) => block.name === 'Table');
  if (!table?.text) throw new Error('The content model has no Table block');
  return { ...table, text: table.text };
}

/**
 * Components the accessibility statement uses: the build fills them in from
 * its own records (the last test run, the known problems, the documents on
 * the site, the statement's dates; src/site/accessibility-statement.ts). Only
 * pages may use them.
 */
export const STATEMENT_COMPONENTS = ['LastTested', 'KnownIssues', 'ComplianceStatus', 'WhatYouCanDo', 'HowAccessible', 'StatementPrepared', 'StaffTools'] as const;

/**
 * The few HTML elements a body may use, with the attributes each may have.
 * Everything else has a Markdown form (links, images, headings, lists,
 * tables, bold and italic) or a component above.
 */
export const BODY_HTML_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  abbr: ['title'],
  br: [],
  sub: [],
  sup: [],
};

/** Every element or component a body in `collection` may use, with the attributes each takes. */
export function bodyVocabulary(collection: CollectionName): ReadonlyMap<string, readonly string[]> {
  const allowed = new Map<string, readonly string[]>();
  for (const component of BODY_COMPONENTS) allowed.set(component.name, component.props.map((prop) => prop.name));
  for (const block of BODY_BLOCKS) allowed.set(block.name, block.props.map((prop) => prop.name));
  if (collection === 'pages') for (const name of STATEMENT_COMPONENTS) allowed.set(name, []);
  for (const [name, attributes] of Object.entries(BODY_HTML_ELEMENTS)) allowed.set(name, attributes);
  return allowed;
}

/** Where links and images in a body may point: these schemes, site paths ("/about/") and fragments ("#contact"). */
export const LINK_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'] as const;
