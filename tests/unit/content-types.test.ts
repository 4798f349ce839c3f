/**
 * The data types come from the content model (src/content/data-types.ts).
 *
 * Two halves. The `expectTypeOf` and `@ts-expect-error` lines are checked by
 * the compiler (`tsc --noEmit -p .`, which includes tests/): they prove that a
 * field added to or removed from a model shows up in its type, and pin the
 * real collections' types, so a change to the model that the code does not
 * follow fails the type check. The `expect` lines run in vitest: they prove
 * the zod schemas, built from the same model at run time, accept and return
 * exactly what the types say, the one thing the compiler cannot follow
 * (the assertion in src/content/schemas.ts).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { BODY_COMPONENTS, COLLECTIONS, type CollectionModel, type CollectionName, type Field } from '../../src/content/model';
import { ContentError, SCHEMAS, entryData } from '../../src/content/schemas';
import type { BodyComponentProps, FieldsData } from '../../src/content/data-types';
import type { getAccessibility, getCurrentStrategy, getPages, getPublicReviews, getSettings } from '../../src/content/site-content';
import type {
  AccessibilityData,
  Audience,
  DocumentRef,
  Entry,
  KnownIssue,
  KnownIssueCategory,
  ManualAudit,
  PageData,
  ProcedureData,
  ReviewData,
  ReviewType,
  SettingsData,
  StrategyData,
} from '../../src/content/data-types';

const base = [
  { name: 'title', label: 'Title', kind: 'string', required: true },
  { name: 'published', label: 'Published', kind: 'date', required: true },
] as const satisfies readonly Field[];

/* eslint-disable @typescript-eslint/no-unused-vars -- type fixtures: the three lists below are read by `typeof` only. */
const withAdded = [...base, { name: 'pages', label: 'Pages', kind: 'integer', required: false }] as const satisfies readonly Field[];

const withoutPublished = [base[0]] as const satisfies readonly Field[];

const withList = [
  ...base,
  { name: 'colour', label: 'Colour', kind: 'select', options: ['red', 'green'], required: true },
  {
    name: 'links',
    label: 'Links',
    kind: 'object-list',
    itemLabel: 'Link',
    summary: '{{fields.url}}',
    required: false,
    fields: [
      { name: 'url', label: 'Address', kind: 'url', required: true },
      { name: 'tags', label: 'Tags', kind: 'string-list', itemLabel: 'Tag', required: false },
    ],
  },
] as const satisfies readonly Field[];
/* eslint-enable @typescript-eslint/no-unused-vars */

describe('types derived from field descriptions', () => {
  it('has a property for each field, required or optional as the field is', () => {
    expectTypeOf<FieldsData<typeof base>>().toEqualTypeOf<{ title: string; published: string }>();
    expect(base.map((field) => field.name)).toEqual(['title', 'published']);
  });

  it('shows a field added to the model', () => {
    expectTypeOf<FieldsData<typeof withAdded>>().toEqualTypeOf<{ title: string; published: string; pages?: number }>();
    const data: FieldsData<typeof withAdded> = { title: 'A', published: '2026-01-01', pages: 3 };
    // @ts-expect-error The field is a number in the model, so text is not allowed.
    const wrong: FieldsData<typeof withAdded> = { title: 'A', published: '2026-01-01', pages: 'three' };
    expect([data.pages, wrong.pages]).toEqual([3, 'three']);
  });

  it('drops a field removed from the model', () => {
    expectTypeOf<FieldsData<typeof withoutPublished>>().toEqualTypeOf<{ title: string }>();
    // @ts-expect-error "published" is no longer in the model, so it is not in the type.
    const stale: FieldsData<typeof withoutPublished> = { title: 'A', published: '2026-01-01' };
    expect(stale.title).toBe('A');
  });

  it('keeps a select field to its options and types the items of an object list', () => {
    expectTypeOf<FieldsData<typeof withList>>().toEqualTypeOf<{
      title: string;
      published: string;
      colour: 'red' | 'green';
      links?: { url: string; tags?: string[] }[];
    }>();
    // @ts-expect-error "blue" is not one of the options.
    const blue: FieldsData<typeof withList>['colour'] = 'blue';
    expect(blue).toBe('blue');
  });
});

describe("the collections' types", () => {
  it("are the model's, field for field", () => {
    expectTypeOf<CollectionModel[number]['name']>().toEqualTypeOf<CollectionName>();
    expectTypeOf<PageData>().toEqualTypeOf<{ title: string; description: string; updated?: string; sample?: boolean }>();
    expectTypeOf<ReviewData>().toEqualTypeOf<{
      title: string;
      type: ReviewType;
      published: string;
      summary: string;
      documents?: DocumentRef[];
      themes?: string[];
      sample?: boolean;
    }>();
    expectTypeOf<DocumentRef>().toEqualTypeOf<{ title: string; file: string; accessibleAlternative: string }>();
    expectTypeOf<ProcedureData>().toEqualTypeOf<{
      title: string;
      summary: string;
      audience: Audience;
      category: string;
      lastReviewed: string;
      reviewDue: string;
      url?: string;
      changes?: { date: string; summary: string }[];
      sample?: boolean;
    }>();
    expectTypeOf<StrategyData['plans']>().toEqualTypeOf<
      { year: string; rows: { priority: string; action: string; outcome: string }[] }[]
    >();
    expectTypeOf<keyof SettingsData>().toEqualTypeOf<
      | 'siteName'
      | 'organisation'
      | 'email'
      | 'phone'
      | 'address'
      | 'childrenInHours'
      | 'childrenInHoursTimes'
      | 'adultsInHours'
      | 'outOfHours'
      | 'adultsContactPage'
      | 'childrenOnlineForm'
      | 'adultsOnlineForm'
      | 'reviewRetentionYears'
      | 'exitUrl'
    >();
    expectTypeOf<SettingsData['reviewRetentionYears']>().toEqualTypeOf<number>();
    expectTypeOf<KnownIssue>().toEqualTypeOf<{
      problem: string;
      summary?: string;
      category: KnownIssueCategory;
      criteria?: string[];
      plan?: string;
      fixBy?: string;
    }>();
    expectTypeOf<ManualAudit>().toEqualTypeOf<{ date: string; by: string; scope: string }>();
    expectTypeOf<AccessibilityData['knownIssues']>().toEqualTypeOf<KnownIssue[] | undefined>();
    expect(COLLECTIONS.map((collection) => collection.name)).toEqual([
      'pages',
      'strategy',
      'threshold',
      'procedures',
      'bulletins',
      'reviews',
      'briefings',
      'reports',
      'glossary',
      'settings',
      'accessibility',
    ]);
  });

  it("include the attributes of a component in a body (Figure.astro's props)", () => {
    expectTypeOf<BodyComponentProps<'Figure'>>().toEqualTypeOf<{ src: string; alt: string; caption?: string }>();
    expect(BODY_COMPONENTS.map((component) => component.props.map((prop) => prop.name))).toEqual([['src', 'alt', 'caption']]);
  });

  it("reach the templates through Astro's entries without a cast", () => {
    expectTypeOf<Awaited<ReturnType<typeof getPages>>>().toEqualTypeOf<Entry<PageData>[]>();
    expectTypeOf<Awaited<ReturnType<typeof getCurrentStrategy>>>().toEqualTypeOf<Entry<StrategyData>>();
    expectTypeOf<Awaited<ReturnType<typeof getPublicReviews>>[number]['data']>().toEqualTypeOf<ReviewData>();
    expectTypeOf<Awaited<ReturnType<typeof getSettings>>>().toEqualTypeOf<SettingsData>();
    expectTypeOf<Awaited<ReturnType<typeof getAccessibility>>>().toEqualTypeOf<AccessibilityData>();
    expectTypeOf(entryData<'reviews'>).returns.toEqualTypeOf<ReviewData>();
    expect(typeof entryData).toBe('function');
  });
});

/** A value each kind of field accepts, with the JavaScript type its data type says it has. */
function exampleValue(field: Field): unknown {
  switch (field.kind) {
    case 'string':
      if (field.pattern?.regex === '^\\d{4}-\\d{4}$') return '2020-2023';
      if (field.pattern?.regex === '^\\d{4}/\\d{2}$') return '2019/20';
      if (field.pattern?.regex === '^[A-Z][A-Za-z0-9+&-]+$') return 'MASH+';
      if (field.pattern) throw new Error(`No example for the pattern ${field.pattern.regex} of "${field.name}": add one here.`);
      return 'Some text';
    case 'text':
      return 'Some longer text.';
    case 'date':
      return '2026-03-31';
    case 'integer':
      return field.min ?? 1;
    case 'boolean':
      return true;
    case 'select':
      return field.options[0];
    case 'url':
      return 'https://www.example.org/';
    case 'email':
      return 'name@example.org';
    case 'phone':
      return '01702 534706';
    case 'document':
      return 'report.pdf';
    case 'image':
      return '/images/diagram.png';
    case 'relation':
      return 'child-a-practice-review';
    case 'string-list':
      if (field.itemPattern?.regex === '^[A-Z][A-Za-z0-9+&-]+$') return ['MASH'];
      if (field.itemPattern)
        throw new Error(`No example for the item pattern ${field.itemPattern.regex} of "${field.name}": add one here.`);
      return ['One item'];
    case 'object-list':
      return [exampleData(field.fields)];
  }
}

function exampleData(fields: readonly Field[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field.name, exampleValue(field)]));
}

/** The JavaScript type of a value, as the derived data type has it for each kind of field. */
const JS_TYPE: Record<Field['kind'], string> = {
  string: 'string',
  text: 'string',
  date: 'string',
  integer: 'number',
  boolean: 'boolean',
  select: 'string',
  url: 'string',
  email: 'string',
  phone: 'string',
  document: 'string',
  image: 'string',
  relation: 'string',
  'string-list': 'array',
  'object-list': 'array',
};

const jsType = (value: unknown) => (Array.isArray(value) ? 'array' : typeof value);

describe('the schemas agree with the derived types', () => {
  for (const collection of COLLECTIONS) {
    it(`${collection.name}: accepts every field the type has and returns each as its type says`, () => {
      const data = exampleData(collection.fields);
      const parsed = SCHEMAS[collection.name].parse(data) as Record<string, unknown>;
      expect(Object.keys(parsed).sort()).toEqual(collection.fields.map((field) => field.name).sort());
      for (const field of collection.fields) expect(jsType(parsed[field.name]), field.name).toBe(JS_TYPE[field.kind]);
    });

    it(`${collection.name}: requires the fields the type requires, and only those`, () => {
      const data = exampleData(collection.fields);
      for (const field of collection.fields) {
        const { [field.name]: _, ...without } = data;
        expect(SCHEMAS[collection.name].safeParse(without).success, field.name).toBe(!field.required);
      }
    });

    it(`${collection.name}: refuses a field the type does not have`, () => {
      expect(SCHEMAS[collection.name].safeParse({ ...exampleData(collection.fields), notInTheModel: 'x' }).success).toBe(false);
    });
  }

  it("entryData gives checked data, or the editor's problems", () => {
    const review = { title: 'Child A', type: 'Serious Case Review', published: '2026-06-15', summary: 'What happened.' };
    const data = entryData('reviews', 'content/reviews/a.mdx', review);
    expectTypeOf(data.type).toEqualTypeOf<ReviewType>();
    expect(data).toEqual(review);
    expect(() => entryData('reviews', 'content/reviews/a.mdx', { ...review, type: 'Case Review' })).toThrow(ContentError);
    expect(() => entryData('reviews', 'content/reviews/a.mdx', { ...review, type: 'Case Review' })).toThrow(
      /content\/reviews\/a\.mdx: field "type" is "Case Review"; expected one of/,
    );
  });
});
