/**
 * zod schemas made from the content model, and the error messages an editor
 * reads when a file does not fit them.
 */
import { z } from 'astro/zod';
import { isRealIsoDate } from '../rules/dates';
import { BODY_COMPONENTS, COLLECTIONS, DOCUMENT_FORMATS, IMAGE_FORMATS, MEDIA, type BodyComponent, type Collection, type CollectionName, type Field } from './model';
import type { CollectionData } from './data-types';

// Exported so the CMS configuration (src/cms/config.ts) checks fields with the same patterns.
/** A document's file name, no folder: it lives in its entry's own folder (content/reviews/<entry>/<file>). */
export const DOCUMENT_PATTERN = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]*\\.(${Object.keys(DOCUMENT_FORMATS).join('|')})$`);
export const PHONE_PATTERN = /^(\+44 ?|0)[0-9 ]{9,13}$/;
export const URL_PATTERN = /^https:\/\/[^\s]+\.[^\s]+$/;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An entry's file name without .mdx, as a relation field names it: child-a-practice-review. */
export const ENTRY_NAME_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** An image in the media folder, by its address: /images/name.png (sub-folders allowed). */
export const IMAGE_PATTERN = new RegExp(`^${MEDIA.publicPath}/(?:[A-Za-z0-9][A-Za-z0-9._-]*/)*[A-Za-z0-9][A-Za-z0-9._-]*\\.(${IMAGE_FORMATS.join('|')})$`, 'i');

/** A collection's name as editors read it in a sentence: "reviews". */
function collectionLabel(name: CollectionName): string {
  return (COLLECTIONS.find((collection) => collection.name === name)?.label ?? name).toLowerCase();
}

/** What a field expects, in words an editor understands. */
export function describeExpected(field: Field): string {
  switch (field.kind) {
    case 'string':
      return field.pattern ? field.pattern.message : 'text on one line';
    case 'text':
      return 'text';
    case 'date':
      return 'a real date as YYYY-MM-DD, for example 2026-03-31';
    case 'integer':
      return `a whole number${field.min !== undefined ? ` from ${field.min}` : ''}${field.max !== undefined ? ` to ${field.max}` : ''}`;
    case 'boolean':
      return 'true or false';
    case 'select':
      return `one of: ${field.options.map((option) => `"${option}"`).join(', ')}`;
    case 'url':
      return 'a full web address starting https://';
    case 'email':
      return 'an email address, for example name@southend.gov.uk';
    case 'phone':
      return `a UK phone number, for example 01702 534706${field.required ? '' : ', or nothing'}`;
    case 'document':
      return `the name of a file uploaded to this entry (no folder), ending .${Object.keys(DOCUMENT_FORMATS).join(', .')}`;
    case 'image':
      return `an image in the media library, as ${MEDIA.publicPath}/name.png, ending .${IMAGE_FORMATS.join(', .')}`;
    case 'relation':
      return `the file name of one of the ${collectionLabel(field.collection)}, without .mdx`;
    case 'string-list':
      return `a list of ${field.itemLabel.toLowerCase()}s (text)`;
    case 'object-list':
      return `a list of ${field.itemLabel.toLowerCase()}s, each with ${field.fields.map((inner) => inner.name).join(', ')}`;
  }
}

function fieldSchema(field: Field): z.ZodType {
  const error = `expected ${describeExpected(field)}`;
  switch (field.kind) {
    case 'string': {
      let schema = z.string({ error }).trim().min(field.required ? 1 : 0, { error: `must not be empty; ${error}` });
      if (field.maxLength) schema = schema.max(field.maxLength, { error: `is longer than ${field.maxLength} characters` });
      if (field.pattern) schema = schema.regex(new RegExp(field.pattern.regex), { error });
      return schema.refine((value) => !value.includes('\n'), { error: 'must be on one line' });
    }
    case 'text': {
      let schema = z.string({ error }).trim().min(field.required ? 1 : 0, { error: `must not be empty; ${error}` });
      if (field.maxLength) schema = schema.max(field.maxLength, { error: `is longer than ${field.maxLength} characters; shorten it` });
      return schema;
    }
    case 'date':
      return z.string({ error }).refine(isRealIsoDate, { error });
    case 'integer': {
      let schema = z.number({ error }).int({ error });
      if (field.min !== undefined) schema = schema.min(field.min, { error });
      if (field.max !== undefined) schema = schema.max(field.max, { error });
      return schema;
    }
    case 'boolean':
      return z.boolean({ error });
    case 'select':
      return z.enum(field.options as [string, ...string[]], { error });
    case 'url':
      return z.string({ error }).regex(URL_PATTERN, { error });
    case 'email':
      return z.string({ error }).regex(EMAIL_PATTERN, { error });
    case 'phone':
      // An optional number may be empty ("not known": not shown); a required one may not.
      return z.string({ error }).trim().refine((value) => (value === '' && !field.required) || PHONE_PATTERN.test(value), { error });
    case 'document':
      return z.string({ error }).regex(DOCUMENT_PATTERN, { error });
    case 'image':
      return z.string({ error }).regex(IMAGE_PATTERN, { error });
    case 'relation':
      return z.string({ error }).trim().regex(ENTRY_NAME_PATTERN, { error });
    case 'string-list': {
      let item = z.string({ error: `each ${field.itemLabel.toLowerCase()} must be text` }).trim().min(1, { error: `a ${field.itemLabel.toLowerCase()} is empty; remove it or fill it in` });
      if (field.itemPattern) item = item.regex(new RegExp(field.itemPattern.regex), { error: `each ${field.itemLabel.toLowerCase()} must be ${field.itemPattern.message}` });
      return z.array(item, { error }).min(field.required ? 1 : 0, { error: `needs at least one ${field.itemLabel.toLowerCase()}` });
    }
    case 'object-list':
      return z.array(objectSchema(field.fields), { error }).min(field.required ? 1 : 0, { error: `needs at least one ${field.itemLabel.toLowerCase()}` });
  }
}

function objectSchema(fields: readonly Field[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const schema = fieldSchema(field);
    shape[field.name] = field.required ? schema : schema.optional();
  }
  const known = fields.map((field) => field.name).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `is not a field here, so it would be lost; the fields are: ${known}. Check the spelling.`
        : 'expected a set of named fields',
  });
}

/**
 * Dates: YAML turns an unquoted 2026-03-31 into a Date. The loader reads the
 * file itself so this only sees strings, but a Date from another path is
 * turned back into the calendar date it was written as.
 */
function normaliseDates(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(normaliseDates);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normaliseDates(inner)]));
  }
  return value;
}

export function collectionSchema(collection: Collection) {
  return z.preprocess(normaliseDates, objectSchema(collection.fields));
}

/**
 * Each collection's schema, typed with the data the model describes
 * (src/content/data-types.ts), so Astro's entries carry that type and nothing
 * downstream casts their data. The schemas are built from the same field
 * descriptions at run time, which the compiler cannot follow: this is the one
 * place the two meet, and tests/unit/content-types.test.ts checks that the
 * fields each schema accepts and requires are the ones the type has.
 */
export type CollectionSchemas = { readonly [N in CollectionName]: z.ZodType<CollectionData<N>> };

const builtSchemas: Readonly<Record<string, z.ZodType<unknown>>> = Object.fromEntries(
  COLLECTIONS.map((collection) => [collection.name, collectionSchema(collection)]),
);

export const SCHEMAS = builtSchemas as CollectionSchemas;

/** The attributes of a component in a body, checked like fields. */
export function componentSchema(component: BodyComponent) {
  return objectSchema(component.props);
}

export const COMPONENT_SCHEMAS: ReadonlyMap<string, ReturnType<typeof componentSchema>> = new Map(
  BODY_COMPONENTS.map((component) => [component.name, componentSchema(component)]),
);

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
  /** The line in the file, for problems in a body. */
  line?: number;
}

function fieldAt(collection: Collection, path: readonly PropertyKey[]): Field | undefined {
  let fields: readonly Field[] = collection.fields;
  let found: Field | undefined;
  for (const key of path) {
    if (typeof key === 'number') continue;
    found = fields.find((field) => field.name === key);
    if (!found) return undefined;
    fields = found.kind === 'object-list' ? found.fields : [];
  }
  return found;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function showValue(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function pathLabel(path: readonly PropertyKey[]): string {
  return path.reduce<string>((label, key) => (typeof key === 'number' ? `${label}[${key + 1}]` : label ? `${label}.${String(key)}` : String(key)), '');
}

/** Checks one entry's data; returns every problem, each naming file and field. */
export function checkEntry(collectionName: CollectionName, file: string, data: unknown): ContentProblem[] {
  const collection = COLLECTIONS.find((candidate) => candidate.name === collectionName);
  if (!collection) return [{ file, field: '(file)', message: `is in content/${collectionName}/, which is not a collection` }];
  const result = SCHEMAS[collectionName].safeParse(data ?? {});
  if (result.success) return [];
  const problems: ContentProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ file, field: pathLabel([...issue.path, key]), message: issue.message });
      }
      continue;
    }
    const field = fieldAt(collection, issue.path);
    const missing = issue.code === 'invalid_type' && valueAt(data, issue.path) == null;
    const value = valueAt(data, issue.path);
    const message = missing && field
      ? `is missing; it is required (${describeExpected(field)})`
      : issue.message.startsWith('expected') ? `is ${showValue(value)}; ${issue.message}` : issue.message;
    problems.push({ file, field: pathLabel(issue.path) || '(frontmatter)', message });
  }
  return problems;
}

/**
 * One entry's data, checked by its collection's schema, with the type the
 * content model gives it: for code that reads content/ itself rather than
 * through Astro. Data that does not fit stops with the editor's problems.
 */
export function entryData<N extends CollectionName>(collectionName: N, file: string, data: unknown): CollectionData<N> {
  const result = SCHEMAS[collectionName].safeParse(data ?? {});
  if (result.success) return result.data;
  throw new ContentError(checkEntry(collectionName, file, data));
}

/**
 * Checks the attributes of a component written in a body, such as
 * <Figure src="..." alt="..." />; `where` says where it is, for example
 * "Figure on line 80". Returns every problem, each naming the attribute.
 */
export function checkComponent(component: BodyComponent, file: string, where: string, props: Record<string, unknown>): ContentProblem[] {
  const result = COMPONENT_SCHEMAS.get(component.name)!.safeParse(props);
  if (result.success) return [];
  const problems: ContentProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ file, field: `${where}: ${key}`, message: issue.message.replace('is not a field here', 'is not an attribute of this component').replace('the fields are', 'the attributes are') });
      continue;
    }
    const name = String(issue.path[0] ?? '');
    const prop = component.props.find((candidate) => candidate.name === name);
    const value = props[name];
    const message = value == null && prop
      ? `is missing; it is required (${describeExpected(prop)})`
      : issue.message.startsWith('expected') ? `is ${showValue(value)}; ${issue.message}` : issue.message;
    problems.push({ file, field: `${where}: ${name || '(attributes)'}`, message });
  }
  return problems;
}

/** One problem as the build says it: file, then field or line (neither when it is about the whole file), then what is wrong. */
export function formatProblem(problem: ContentProblem): string {
  if (problem.line !== undefined) return `${problem.file}, line ${problem.line}: ${problem.message}`;
  return problem.field ? `${problem.file}: field "${problem.field}" ${problem.message}` : `${problem.file}: ${problem.message}`;
}

export function formatProblems(problems: readonly ContentProblem[]): string {
  const lines = problems.map((problem) => `  ${formatProblem(problem)}`);
  return `${problems.length === 1 ? 'A content file needs' : `${problems.length} problems in content files need`} fixing before the site can be built:\n${lines.join('\n')}`;
}

export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];
  constructor(problems: readonly ContentProblem[]) {
    super(formatProblems(problems));
    this.problems = problems;
    this.name = 'ContentError';
    // The problems are the whole story: no stack of the site's own code, which would only confuse an editor.
    this.stack = `${this.name}: ${this.message}`;
  }

  /**
   * Astro's error overlay adds a hint about "Browser APIs" to any error whose
   * text mentions a document or window: content errors talk about documents,
   * and that hint would mislead, so the short form leaves the words out.
   */
  override toString(): string {
    return `${this.name}: content needs fixing (${this.problems.length} ${this.problems.length === 1 ? 'problem' : 'problems'})`;
  }
}
