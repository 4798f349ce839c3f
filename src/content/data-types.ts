/**
 * The shape of each collection's data, derived from the content model
 * (src/content/model.ts) and nothing else: a field added to the model is
 * in the type, a field removed is gone, a required field is required and an
 * optional one optional, and a select field takes only its options. The zod
 * schemas (src/content/schemas.ts) are made from the same descriptions,
 * so what the build accepts is what these types say.
 */
import type { AUDIENCES, BODY_COMPONENTS, CollectionModel, CollectionName, Field, KNOWN_ISSUE_CATEGORIES, REVIEW_TYPES } from './model';
import type { IsoDate } from '../rules/dates';

/** The value each kind of field holds, after the schema has checked it; select and object-list depend on the field. */
interface ValueOfKind {
  string: string;
  text: string;
  date: IsoDate;
  integer: number;
  boolean: boolean;
  url: string;
  email: string;
  /** An optional phone number may be "" (not known: not shown). */
  phone: string;
  /** A file name in the entry's own folder. */
  document: string;
  /** An image's address on the site: "/images/name.png". */
  image: string;
  /** Another entry's file name without .mdx. */
  relation: string;
  'string-list': string[];
}

/** A field's value: its options for a select, a list of its fields' data for an object list. */
export type FieldValue<F extends Field> = F extends { kind: 'select'; options: readonly (infer Option)[] }
  ? Option
  : F extends { kind: 'object-list'; fields: infer Inner extends readonly Field[] }
    ? FieldsData<Inner>[]
    : F['kind'] extends keyof ValueOfKind
      ? ValueOfKind[F['kind']]
      : never;

/** One object type, not an intersection, so editors and error messages show the fields. */
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The data a list of fields describes: required fields required, the rest optional. */
export type FieldsData<Fields extends readonly Field[]> = Simplify<
  { [F in Fields[number] as F extends { required: true } ? F['name'] : never]: FieldValue<F> } & {
    [F in Fields[number] as F extends { required: true } ? never : F['name']]?: FieldValue<F>;
  }
>;

/** The model's description of one collection. */
export type CollectionDescription<N extends CollectionName> = Extract<CollectionModel[number], { name: N }>;

/** A collection's data, as its schema produces it. */
export type CollectionData<N extends CollectionName> = FieldsData<CollectionDescription<N>['fields']>;

/** The attributes of a component editors write in a body, such as <Figure src="..." alt="..." />. */
export type BodyComponentProps<Name extends (typeof BODY_COMPONENTS)[number]['name']> = FieldsData<Extract<(typeof BODY_COMPONENTS)[number], { name: Name }>['props']>;

/** An item of an object-list field, such as one of a review's documents. */
export type ListItem<N extends CollectionName, Name extends keyof CollectionData<N>> = NonNullable<CollectionData<N>[Name]> extends readonly (infer Item)[] ? Item : never;

/* The names the site's code uses for each collection's data and its parts. */

export type Audience = (typeof AUDIENCES)[number];
export type ReviewType = (typeof REVIEW_TYPES)[number];
export type KnownIssueCategory = (typeof KNOWN_ISSUE_CATEGORIES)[number];

export type PageData = CollectionData<'pages'>;
export type StrategyData = CollectionData<'strategy'>;
export type ThresholdData = CollectionData<'threshold'>;
export type ProcedureData = CollectionData<'procedures'>;
export type BulletinData = CollectionData<'bulletins'>;
export type ReviewData = CollectionData<'reviews'>;
export type BriefingData = CollectionData<'briefings'>;
export type ReportData = CollectionData<'reports'>;
export type GlossaryData = CollectionData<'glossary'>;
export type SettingsData = CollectionData<'settings'>;
export type AccessibilityData = CollectionData<'accessibility'>;

/** A review's or report's document: its title, file and accessible alternative. */
export type DocumentRef = ListItem<'reviews', 'documents'>;
/** A known accessibility problem the statement lists. */
export type KnownIssue = ListItem<'accessibility', 'knownIssues'>;
/** A check of the website by a person, not the automated tests. */
export type ManualAudit = ListItem<'accessibility', 'manualAudits'>;

/*
 * Checks on the model itself, which fail `tsc` when they break: every kind of
 * field has a value type above, every collection the model describes is a
 * CollectionName and the other way round, and reports' documents are the
 * same as reviews' (the templates and the documents route share DocumentRef).
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type ModelChecks = [
  Holds<Same<Exclude<Field['kind'], 'select' | 'object-list'>, keyof ValueOfKind>>,
  Holds<Same<CollectionModel[number]['name'], CollectionName>>,
  Holds<Same<ListItem<'reports', 'documents'>, DocumentRef>>,
];

/** An entry as the site's templates use it: its address slug and its data. */
export interface Entry<T> {
  id: string;
  data: T;
  filePath?: string;
  /** Astro's own entry, for rendering the body. */
  source?: unknown;
}
