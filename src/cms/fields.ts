/**
 * Decap CMS fields made from the content model's fields, with the same
 * rules as the build's zod schemas (src/content/schemas.ts): the same
 * required fields, allowed values, number limits and patterns, and messages
 * in the build's words ("Title: expected ..."). tests/unit/cms-config.test.ts
 * proves, field by field, that what the CMS lets an editor save the build
 * accepts.
 *
 * Plain data only, no Node: the CMS bundle (cms/) uses it for the fields of
 * its editor components too.
 */
import { DOCUMENT_FORMATS, MEDIA, type Field } from '../content/model';
import { DOCUMENT_PATTERN, EMAIL_PATTERN, IMAGE_PATTERN, URL_PATTERN, describeExpected } from '../content/schemas';

/** A field in Decap's configuration (config.yml). */
export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  /** [regular expression, what is expected]: Decap tests non-empty values against it. */
  pattern?: [string, string];
  [option: string]: unknown;
}

/**
 * Where a document field's uploads go: a folder with the entry's file name,
 * beside the entry (content/reviews/adult-b.mdx, content/reviews/adult-b/).
 * Relative, so Decap joins it to the entry's folder; `{{filename}}` is the
 * entry's file name without extension. A new entry has no file name while it
 * is edited: Decap places its uploads again with the new entry's path when it
 * is saved (decap-cms-core backend.ts, updateAssetProxies). The media library
 * opened from the field lists only this folder.
 */
export const ENTRY_DOCUMENT_MEDIA_FOLDER = '{{filename}}';

/** A date as the CMS's date widget writes it, and as the build reads it. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The project's own widgets (cms/widgets/), each checking what is typed as
 * the build does, with GOV.UK's error message pattern: a date typed as Day,
 * Month and Year; a number no other entry has; a phone number.
 */
export const PROJECT_WIDGETS = { date: 'sg-date', uniqueNumber: 'sg-unique-number', phone: 'sg-phone' } as const;

/** The options each project widget takes, as JSON schemas: Decap checks the configuration against them. */
export const PROJECT_WIDGET_SCHEMAS: Record<(typeof PROJECT_WIDGETS)[keyof typeof PROJECT_WIDGETS], Record<string, unknown>> = {
  'sg-date': { properties: { retention: { type: 'boolean' } } },
  'sg-unique-number': {
    properties: { unique: { type: 'boolean', const: true }, min: { type: 'integer' }, max: { type: 'integer' } },
    required: ['unique'],
  },
  'sg-phone': { properties: {} },
};

/**
 * The source of `pattern` that matches the same text when Decap compiles it
 * without flags: letters of a case-insensitive pattern become [aA] classes.
 */
export function withoutFlags(pattern: RegExp): string {
  if (!pattern.flags.includes('i')) return pattern.source;
  let source = '';
  let inClass = false;
  for (let index = 0; index < pattern.source.length; index += 1) {
    const char = pattern.source[index]!;
    if (char === '\\') {
      source += char + (pattern.source[index + 1] ?? '');
      index += 1;
      continue;
    }
    if (char === '[') inClass = true;
    if (char === ']') inClass = false;
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (lower === upper) source += char;
    else source += inClass ? lower + upper : `[${lower}${upper}]`;
  }
  return source;
}

/** Every rule as one pattern: all must match (each rule is anchored with ^ and $ itself). */
function allOf(rules: readonly [string, string][]): [string, string] | undefined {
  if (rules.length === 0) return undefined;
  if (rules.length === 1) return rules[0];
  return [`^${rules.map(([source]) => `(?=${source})`).join('')}`, rules.map(([, message]) => message).join(', and ')];
}

/**
 * Text fields: the zod schema trims the value, then checks that a required
 * one is not empty, its length and its pattern. One pattern does the same.
 */
function textRule(field: Extract<Field, { kind: 'string' | 'text' }>): [string, string] | undefined {
  const rules: [string, string][] = [];
  if (field.kind === 'string' && field.pattern) rules.push([field.pattern.regex, field.pattern.message]);
  const max = field.maxLength;
  if (max !== undefined) {
    // Trimmed, at most `max` characters: optional space, then text that starts and ends with a non-space.
    const body = max === 1 ? '\\S' : `\\S(?:[\\s\\S]{0,${max - 2}}\\S)?`;
    rules.push([
      field.required ? `^\\s*${body}\\s*$` : `^\\s*(?:${body})?\\s*$`,
      `${max} characters at most${field.required ? ', not only spaces' : ''}`,
    ]);
  } else if (field.required && !(field.kind === 'string' && field.pattern)) {
    rules.push(['^[\\s\\S]*\\S[\\s\\S]*$', 'some text, not only spaces']);
  }
  return allOf(rules);
}

/** Decap's field for one field of the model. `collectionFolder`: a document field belongs to an entry of a collection (its uploads go beside the entry). */
export function decapField(field: Field, collectionFolder?: string): DecapField {
  const base: DecapField = { name: field.name, label: field.label, widget: 'string', required: field.required };
  if (field.hint) base.hint = field.hint;
  const expected = describeExpected(field);
  switch (field.kind) {
    case 'string':
    case 'text': {
      const rule = textRule(field);
      return { ...base, widget: field.kind, ...(rule ? { pattern: rule } : {}) };
    }
    case 'date':
      // Day, Month and Year boxes that store the calendar date as text, YYYY-MM-DD (src/cms/date-input.ts);
      // a review's publication date also shows what the one-year rule does with it.
      return { ...base, widget: PROJECT_WIDGETS.date, ...(field.retention ? { retention: true } : {}) };
    case 'integer': {
      const limits = { ...(field.min !== undefined ? { min: field.min } : {}), ...(field.max !== undefined ? { max: field.max } : {}) };
      // A unique number is checked against the collection's other entries as it is typed.
      if (field.unique) return { ...base, widget: PROJECT_WIDGETS.uniqueNumber, unique: true, ...limits };
      return { ...base, widget: 'number', value_type: 'int', step: 1, ...limits };
    }
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'select':
      return { ...base, widget: 'select', options: [...field.options], multiple: false };
    case 'url':
      return { ...base, pattern: [URL_PATTERN.source, expected] };
    case 'email':
      return { ...base, pattern: [EMAIL_PATTERN.source, expected] };
    case 'phone':
      // Checked when the editor leaves the box (src/cms/field-input.ts phoneProblem), and before saving.
      return { ...base, widget: PROJECT_WIDGETS.phone };
    case 'document':
      if (!collectionFolder) throw new Error(`The document field "${field.name}" needs its collection's folder`);
      return {
        ...base,
        widget: 'file',
        // The entry's own folder; an empty public folder, so the value is the file name alone, which
        // the build resolves in that folder (documents.ts documentSourceFile). Decap checks the
        // pattern against the file name (decap-cms-widget-file, getValidateValue).
        media_folder: ENTRY_DOCUMENT_MEDIA_FOLDER,
        public_folder: '',
        choose_url: false,
        pattern: [
          DOCUMENT_PATTERN.source,
          `${expected} (${[...new Set(Object.values(DOCUMENT_FORMATS).map((format) => format.name))].join(', ')})`,
        ],
      };
    case 'image':
      return {
        ...base,
        widget: 'image',
        media_folder: `/${MEDIA.folder}`,
        public_folder: MEDIA.publicPath,
        choose_url: false,
        pattern: [withoutFlags(IMAGE_PATTERN), expected],
      };
    case 'relation':
      // Chosen from the collection's entries by title; the file stores the entry's file name (its slug).
      return {
        ...base,
        widget: 'relation',
        collection: field.collection,
        value_field: '{{slug}}',
        search_fields: ['title'],
        display_fields: ['title'],
        options_length: 200,
      };
    case 'string-list':
      return {
        ...base,
        widget: 'list',
        label_singular: field.itemLabel,
        collapsed: false,
        ...(field.required ? { min: 1 } : {}),
        field: {
          name: 'item',
          label: field.itemLabel,
          widget: 'string',
          required: true,
          pattern: field.itemPattern
            ? [field.itemPattern.regex, field.itemPattern.message]
            : ['^[\\s\\S]*\\S[\\s\\S]*$', 'some text, not only spaces'],
        },
      };
    case 'object-list':
      return {
        ...base,
        widget: 'list',
        label_singular: field.itemLabel,
        summary: field.summary,
        // Items open, where one holds a document: an error in it is then seen, not hidden in a closed item.
        collapsed: !field.fields.some((inner) => inner.kind === 'document'),
        ...(field.required ? { min: 1 } : {}),
        fields: field.fields.map((inner) => decapField(inner, collectionFolder)),
      };
  }
}
