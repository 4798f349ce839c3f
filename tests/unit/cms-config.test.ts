/**
 * The CMS configuration is made from the content model, and agrees with the
 * build's schemas field by field: the same fields in the same order, the
 * same labels, hints and required fields, a widget that fits each kind, the
 * same allowed values, limits and patterns. Then, for every field and many
 * values an editor could enter, what the CMS lets an editor save, the build
 * accepts; and what the build accepts (written without stray spaces), the
 * CMS lets an editor save.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, MEDIA, type Collection, type Field } from '../../src/content/model';
import { DOCUMENT_PATTERN, EMAIL_PATTERN, IMAGE_PATTERN, URL_PATTERN, checkEntry } from '../../src/content/schemas';
import { ENTRY_DOCUMENT_MEDIA_FOLDER, PROJECT_WIDGETS, decapField, withoutFlags, type DecapField } from '../../src/cms/fields';
import { dateValueProblem } from '../../src/cms/date-input';
import { integerProblem, phoneProblem } from '../../src/cms/field-input';
import { cmsConfig, cmsConfigYaml, cmsOptionsFromEnv, decapCollection, localBackendUrl, localModeFromEnv } from '../../src/cms/config';
import { pruneEmptyOptional } from '../../src/cms/save';
import { parseYaml } from '../../src/content/files';
import { loadDecap } from '../support/decap';
import { fixtureFolder } from '../support/fixture-folder';
import { readAllEntries } from '../../src/content/files';
import { reviewViewFilters } from '../../src/cms/review-filters';
import { reviewTitle } from '../../src/site/page-titles';
import type { ReviewType } from '../../src/content/data-types';
import { settingsRetentionYears } from '../../src/cms/env';
import { rmSync } from 'node:fs';

const SITE = 'https://www.example.org';

// Bundling Decap's code for Node takes a few seconds, once.
beforeAll(() => loadDecap(), 120_000);
const local = cmsOptionsFromEnv({}, { dev: true, siteUrl: SITE });
const config = cmsConfig(local);

function configCollection(name: string) {
  const found = config.collections.find((collection) => collection.name === name);
  if (!found) throw new Error(`no collection ${name} in the CMS configuration`);
  return found;
}

function configFields(collection: Collection): DecapField[] {
  const decap = configCollection(collection.name);
  const fields = collection.type === 'settings' ? (decap.files as { fields: DecapField[] }[])[0]!.fields : (decap.fields as DecapField[]);
  return fields;
}

const WIDGETS: Record<Field['kind'], string> = {
  string: 'string',
  text: 'text',
  date: PROJECT_WIDGETS.date,
  integer: 'number',
  boolean: 'boolean',
  select: 'select',
  url: 'string',
  email: 'string',
  phone: PROJECT_WIDGETS.phone,
  document: 'file',
  image: 'image',
  relation: 'relation',
  'string-list': 'list',
  'object-list': 'list',
};

/** The widget a field gets: a unique number has the project's number widget, which checks the other entries. */
function widgetFor(field: Field): string {
  return field.kind === 'integer' && field.unique ? PROJECT_WIDGETS.uniqueNumber : WIDGETS[field.kind];
}

/** Field by field, the CMS's field says what the model says. */
function expectSameField(field: Field, decap: DecapField, where: string) {
  expect(decap.name, where).toBe(field.name);
  expect(decap.label, where).toBe(field.label);
  expect(decap.hint, where).toBe(field.hint);
  expect(decap.required, where).toBe(field.required);
  expect(decap.widget, where).toBe(widgetFor(field));
  switch (field.kind) {
    case 'select':
      expect(decap.options, where).toEqual([...field.options]);
      break;
    case 'integer':
      // Decap's number widget stores whole numbers; the project's unique number widget does too (src/cms/field-input.ts).
      expect(decap.value_type, where).toBe(field.unique ? undefined : 'int');
      expect([decap.min, decap.max, decap.unique], where).toEqual([field.min, field.max, field.unique === true ? true : undefined]);
      break;
    case 'date':
      // The widget checks the date itself (src/cms/date-input.ts), with the build's own isRealIsoDate.
      expect(decap.pattern, where).toBeUndefined();
      expect(decap.retention, where).toBe(field.retention === true ? true : undefined);
      break;
    case 'url':
      expect(decap.pattern?.[0], where).toBe(URL_PATTERN.source);
      break;
    case 'email':
      expect(decap.pattern?.[0], where).toBe(EMAIL_PATTERN.source);
      break;
    case 'phone':
      // The widget checks the number itself (src/cms/field-input.ts), with the build's PHONE_PATTERN.
      expect(decap.pattern, where).toBeUndefined();
      break;
    case 'document':
      expect(decap.pattern?.[0], where).toBe(DOCUMENT_PATTERN.source);
      expect([decap.media_folder, decap.public_folder], where).toEqual(['{{filename}}', '']);
      break;
    case 'image':
      expect(decap.pattern?.[0], where).toBe(withoutFlags(IMAGE_PATTERN));
      expect([decap.media_folder, decap.public_folder], where).toEqual([`/${MEDIA.folder}`, MEDIA.publicPath]);
      break;
    case 'string':
      if (field.pattern) expect(decap.pattern?.[0], where).toContain(field.pattern.regex);
      break;
    case 'string-list':
      expect(decap.min, where).toBe(field.required ? 1 : undefined);
      expect((decap.field as DecapField).widget, where).toBe('string');
      // An item's pattern is the build's, checked as the editor types.
      if (field.itemPattern)
        expect((decap.field as DecapField).pattern, where).toEqual([field.itemPattern.regex, field.itemPattern.message]);
      break;
    case 'relation':
      // Chosen from the related collection's entries by title; the value saved is the entry's file name, which the build checks exists.
      expect([decap.collection, decap.value_field, decap.display_fields], where).toEqual([field.collection, '{{slug}}', ['title']]);
      expect(
        COLLECTIONS.some((candidate) => candidate.name === field.collection && candidate.fields.some((inner) => inner.name === 'title')),
        where,
      ).toBe(true);
      break;
    case 'object-list': {
      expect(decap.min, where).toBe(field.required ? 1 : undefined);
      const inner = decap.fields as DecapField[];
      expect(
        inner.map((item) => item.name),
        where,
      ).toEqual(field.fields.map((item) => item.name));
      field.fields.forEach((item, index) => expectSameField(item, inner[index]!, `${where}.${item.name}`));
      break;
    }
    default:
      break;
  }
}

describe('the CMS configuration is made from the content model', () => {
  it('has every collection, with the fields of the model in order, and a body for entries', () => {
    expect(config.collections.map((collection) => collection.name)).toEqual(COLLECTIONS.map((collection) => collection.name));
    for (const collection of COLLECTIONS) {
      const decap = configCollection(collection.name);
      expect(decap.label).toBe(collection.label);
      expect(decap.label_singular).toBe(collection.labelSingular);
      expect(decap.description).toBe(collection.description);
      const fields = configFields(collection);
      if (collection.type === 'entries') {
        expect(decap).toMatchObject({
          folder: `content/${collection.folder}`,
          extension: 'mdx',
          format: 'frontmatter',
          create: true,
          delete: true,
        });
        expect(fields.map((field) => field.name)).toEqual([...collection.fields.map((field) => field.name), 'body']);
        expect(fields.at(-1)).toMatchObject({ widget: 'markdown', label: collection.bodyLabel ?? 'Body', required: false });
      } else {
        expect((decap.files as { file: string }[])[0]!.file).toBe(`content/${collection.folder}/${collection.file}`);
        expect(fields.map((field) => field.name)).toEqual(collection.fields.map((field) => field.name));
      }
      collection.fields.forEach((field, index) => expectSameField(field, fields[index]!, `${collection.name}.${field.name}`));
    }
  });

  it('keeps documents in a folder per entry, the value the file name alone, PDF and office documents only', () => {
    const reviews = COLLECTIONS.find((collection) => collection.name === 'reviews')!;
    const documents = configFields(reviews).find((field) => field.name === 'documents')!;
    const file = (documents.fields as DecapField[]).find((field) => field.name === 'file')!;
    // Relative to the entry's folder, named as the entry: content/reviews/adult-b.mdx keeps content/reviews/adult-b/.
    expect(file).toMatchObject({ widget: 'file', media_folder: '{{filename}}', public_folder: '', choose_url: false });
    expect(ENTRY_DOCUMENT_MEDIA_FOLDER).toBe('{{filename}}');
    // Open, so an error in a document is seen without opening the item.
    expect(documents.collapsed).toBe(false);
    const pattern = new RegExp(file.pattern![0]);
    for (const ok of ['child-a-briefing.pdf', 'report.docx', 'Plan.odt', 'data.xlsx']) expect(pattern.test(ok), ok).toBe(true);
    for (const bad of ['photo.jpg', 'run.exe', 'documents/report.pdf', 'a b.pdf', '../x.pdf', '.hidden.pdf', 'report'])
      expect(pattern.test(bad), bad).toBe(false);
    // Images in a body go to the media library, not beside the entry.
    const body = configFields(reviews).at(-1)!;
    expect([body.media_folder, body.public_folder]).toEqual([`/${MEDIA.folder}`, MEDIA.publicPath]);
    expect([config.media_folder, config.public_folder]).toEqual([MEDIA.folder, MEDIA.publicPath]);
  });

  it("passes Decap's own check of a configuration, for local editing and for production", async () => {
    const decap = await loadDecap();
    expect(() => decap.validateConfig(config)).not.toThrow();
    const production = cmsConfig(
      cmsOptionsFromEnv({ CMS_GITHUB_REPO: 'southend/safeguarding', CMS_GITHUB_BRANCH: 'live' }, { dev: false, siteUrl: SITE }),
    );
    expect(() => decap.validateConfig(production)).not.toThrow();
    // The check is real: it refuses what Decap would refuse.
    expect(() => decap.validateConfig({ ...config, publish_mode: 'sometimes' })).toThrow(/publish_mode/);
    const badDate = {
      ...config,
      collections: [{ ...config.collections[0], fields: [{ name: 'when', label: 'When', widget: 'datetime', time_format: 5 }] }],
    };
    expect(() => decap.validateConfig(badDate)).toThrow(/time_format/);
    // And the YAML the site serves reads back as the same configuration.
    expect(parseYaml(cmsConfigYaml(config).replace(/^#.*\n/, ''), 'config.yml')).toEqual(JSON.parse(JSON.stringify(config)));
  });
});

describe('the backend comes from the environment', () => {
  it('uses GitHub with the editorial workflow in production, and no local backend', () => {
    const options = cmsOptionsFromEnv(
      { CMS_GITHUB_REPO: 'southend/safeguarding', CMS_AUTH_BASE_URL: 'https://auth.example.org' },
      { dev: false, siteUrl: SITE },
    );
    const production = cmsConfig(options);
    expect(production.backend).toEqual({
      name: 'github',
      repo: 'southend/safeguarding',
      branch: 'main',
      base_url: 'https://auth.example.org',
      squash_merges: true,
    });
    expect(production.publish_mode).toBe('editorial_workflow');
    expect(production.local_backend).toBeUndefined();
  });

  it('takes the repository from GitHub Actions when not set', () => {
    expect(cmsOptionsFromEnv({ GITHUB_REPOSITORY: 'org/site', CMS_GITHUB_BRANCH: 'live' }, { dev: false, siteUrl: SITE }).backend).toEqual({
      name: 'github',
      repo: 'org/site',
      branch: 'live',
    });
  });

  it('edits files on this computer through decap-server on 127.0.0.1 in the dev server, or when asked', () => {
    expect(config.local_backend).toEqual({ url: 'http://127.0.0.1:8081/api/v1', allowed_hosts: ['127.0.0.1', 'localhost'] });
    const asked = cmsOptionsFromEnv(
      { CMS_GITHUB_REPO: 'org/site', CMS_LOCAL_BACKEND_URL: localBackendUrl(9123) },
      { dev: false, siteUrl: SITE },
    );
    expect(asked.localBackend).toBe('http://127.0.0.1:9123/api/v1');
    expect(cmsOptionsFromEnv({ CMS_LOCAL_BACKEND: '1', DECAP_SERVER_PORT: '8090' }, { dev: false, siteUrl: SITE }).localBackend).toBe(
      'http://127.0.0.1:8090/api/v1',
    );
  });

  it('keeps drafts (the editorial workflow) where they can be kept: on GitHub, and on this computer with CMS_MODE=git', async () => {
    const decap = await loadDecap();
    // decap-server's fs mode writes files at once: Publish is the only step.
    expect(config.publish_mode).toBe('simple');
    expect(cmsOptionsFromEnv({}, { dev: true, siteUrl: SITE }).localMode).toBe('fs');
    // Its git mode keeps each draft as a branch: Save, In review, Ready, Publish, as on the live site.
    const git = cmsOptionsFromEnv({ CMS_MODE: 'git' }, { dev: true, siteUrl: SITE });
    expect(git.localMode).toBe('git');
    const gitConfig = cmsConfig(git);
    expect(gitConfig.publish_mode).toBe('editorial_workflow');
    expect(gitConfig.backend).toEqual({ name: 'proxy', proxy_url: localBackendUrl(), branch: 'main' });
    expect(() => decap.validateConfig(gitConfig)).not.toThrow();
    // The live site's GitHub backend keeps the workflow whatever the local mode (Decap itself falls
    // back to publishing at once when it finds an fs-mode decap-server on the editor's computer).
    expect(cmsConfig(cmsOptionsFromEnv({ CMS_GITHUB_REPO: 'org/site' }, { dev: true, siteUrl: SITE })).publish_mode).toBe(
      'editorial_workflow',
    );
    expect(['git', 'GIT', 'fs', '', 'branches', undefined].map((mode) => localModeFromEnv({ CMS_MODE: mode }))).toEqual([
      'git',
      'git',
      'fs',
      'fs',
      'fs',
      'fs',
    ]);
    // Production has no local backend, so no local mode.
    expect(cmsOptionsFromEnv({ CMS_GITHUB_REPO: 'org/site', CMS_MODE: 'git' }, { dev: false, siteUrl: SITE }).localMode).toBeUndefined();
  });

  it('without a repository, can only be edited on this computer', () => {
    const options = cmsOptionsFromEnv({}, { dev: false, siteUrl: SITE });
    expect(options.backend).toEqual({ name: 'proxy', proxy_url: localBackendUrl(), branch: 'main' });
    expect(options.localBackend).toBe(localBackendUrl());
  });
});

// ---------------------------------------------------------------------------
// What the CMS lets an editor save, the build accepts.

const TEXTS = [
  '',
  '   ',
  'Plain text',
  'Child J',
  // A glossary term: one word, from a capital letter.
  'MASH+',
  ' padded ',
  'a\nb',
  'x',
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(150),
  'x'.repeat(151),
  'x'.repeat(300),
  'x'.repeat(301),
  'x'.repeat(600),
  'x'.repeat(601),
  '2020-2023',
  '2020-23',
  '2019/20',
  '2019/2020',
  '2020-2021',
];
/** The entries a relation widget offers: the sample reviews' file names (the only values it can save). */
const RELATION_SLUGS = ['child-a-practice-review', 'adult-b-safeguarding-adults-review'];
const CANDIDATES: Record<Field['kind'], unknown[]> = {
  string: TEXTS,
  text: TEXTS,
  // What the date widget stores: YYYY-MM-DD, nothing, or the parts as typed ("2026-2-31", "26-12-15").
  date: [
    '2026-03-31',
    '2024-02-29',
    '2026-02-30',
    '2025-02-29',
    '31/03/2026',
    '2026-3-1',
    '',
    'today',
    '2026-2-31',
    '26-12-15',
    '2026-12-',
    '2026-x-1',
    '0999-01-01',
  ],
  // The unique number widget stores a whole number, nothing, or the text typed.
  integer: [0, 1, 4, 6, 7, 10, 11, 16, -1, '', '5a', 'five', '1.5'],
  boolean: [true, false],
  select: [
    'children',
    'adults',
    'all',
    'Learning Review',
    'Domestic Homicide Review',
    'Non-compliance with the accessibility regulations',
    'Case Review',
    'everyone',
    '',
  ],
  url: [
    'https://www.gov.uk',
    'https://www.gov.uk/guidance?a=1',
    'http://www.gov.uk',
    'www.gov.uk',
    'https://localhost',
    'https://www.gov.uk/a b',
    '',
  ],
  email: ['SSPA@southend.gov.uk', 'name@example.org', 'not an email', 'a@b', 'a b@c.org', ''],
  phone: [
    '01702 534706',
    '0345 606 1212',
    '01702215007',
    '+44 1702 534706',
    '999',
    '01702',
    'call us',
    '',
    ' 01702 534706 ',
    '01702 53470O',
    '0800 CHILDLINE',
    '+44 (0)1702 534706',
  ],
  document: ['report.pdf', 'Learning-briefing.docx', 'sheet.ods', 'documents/report.pdf', 'report.exe', 'my report.pdf', 'photo.png', ''],
  image: ['/images/a.png', '/images/Diagram.JPG', '/images/sub/a.webp', 'images/a.png', '/images/a.gif', '/images/a b.png', ''],
  relation: [...RELATION_SLUGS, 'no-such-review', 'Child A', 'child-a-practice-review.mdx', ''],
  'string-list': [[], ['One'], ['One', 'Two'], ['One', ''], ['  ']],
  'object-list': [[]],
};

function isEmptyInDecap(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.length === 0) ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** What Decap's validation lets an editor save (Widget.js, NumberControl.js, ListControl.js), or 'cannot' when its widget cannot produce the value at all. */
function decapAccepts(decap: DecapField, value: unknown): boolean | 'cannot' {
  const required = decap.required !== false;
  // The project's widgets: Decap asks their isValid(), which uses these functions (cms/widgets/).
  if (decap.widget === PROJECT_WIDGETS.date) {
    if (typeof value !== 'string') return 'cannot';
    if (required && isEmptyInDecap(value)) return false;
    return isEmptyInDecap(value) || dateValueProblem(decap.label, value, required) === undefined;
  }
  if (decap.widget === PROJECT_WIDGETS.phone) {
    if (typeof value !== 'string') return 'cannot';
    if (required && isEmptyInDecap(value)) return false;
    return isEmptyInDecap(value) || phoneProblem({ label: decap.label, required }, value) === undefined;
  }
  if (decap.widget === PROJECT_WIDGETS.uniqueNumber) {
    if (typeof value === 'number' && !Number.isInteger(value)) return 'cannot';
    if (required && isEmptyInDecap(value)) return false;
    return (
      isEmptyInDecap(value) ||
      integerProblem(
        { label: decap.label, required, min: decap.min as number | undefined, max: decap.max as number | undefined },
        value,
      ) === undefined
    );
  }
  if (decap.widget === 'select' && value !== '' && !(decap.options as string[]).includes(value as string)) return 'cannot';
  // The relation widget saves only the file name of an entry it lists (the build refuses one that does not exist: checkRelations).
  if (decap.widget === 'relation' && value !== '' && !RELATION_SLUGS.includes(value as string)) return 'cannot';
  if (decap.widget === 'boolean' && typeof value !== 'boolean') return 'cannot';
  if (decap.widget === 'number' && value !== '' && (typeof value !== 'number' || !Number.isInteger(value))) return 'cannot';
  if (decap.widget === 'string' && typeof value === 'string' && value.includes('\n')) return 'cannot'; // a one-line input
  // The file widget writes the public folder ('' here: the file name alone) and the chosen file's name; it checks the pattern against that name.
  if (decap.widget === 'file' && typeof value === 'string' && value.includes('/') && decap.public_folder === '') return 'cannot';
  if (required && isEmptyInDecap(value)) return false;
  if (decap.widget === 'number' && value !== '') {
    if (typeof decap.min === 'number' && (value as number) < decap.min) return false;
    if (typeof decap.max === 'number' && (value as number) > decap.max) return false;
  }
  if (decap.widget === 'list' && Array.isArray(value)) {
    if (typeof decap.min === 'number' && value.length < decap.min) return false;
    const item = decap.field as DecapField | undefined;
    if (item && value.some((entry) => decapAccepts(item, entry) !== true)) return false;
    return true;
  }
  if (!isEmptyInDecap(value) && decap.pattern && !new RegExp(decap.pattern[0]).test(String(value))) return false;
  return true;
}

/** A value of each field that both accept, to build an entry that is valid but for the field under test. */
function validValue(field: Field, decap: DecapField): unknown {
  if (field.kind === 'object-list')
    return [
      Object.fromEntries(field.fields.map((inner, index) => [inner.name, validValue(inner, (decap.fields as DecapField[])[index]!)])),
    ];
  const found = CANDIDATES[field.kind].find((value) => !isEmptyInDecap(value) && decapAccepts(decap, value) === true);
  if (found === undefined) throw new Error(`no valid sample for ${field.name}`);
  return found;
}

function fileWith(
  fields: readonly Field[],
  decapFields: DecapField[],
  replace: { path: string[]; value: unknown },
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  fields.forEach((field, index) => {
    if (field.required) data[field.name] = validValue(field, decapFields[index]!);
  });
  const [first, second] = replace.path;
  if (second === undefined) data[first!] = replace.value;
  else {
    const index = fields.findIndex((field) => field.name === first);
    const list = validValue(fields[index]!, decapFields[index]!) as Record<string, unknown>[];
    list[0]![second] = replace.value;
    data[first!] = list;
  }
  return data;
}

const hasStraySpace = (value: unknown) => typeof value === 'string' && value !== value.trim();

describe('what the CMS lets an editor save, the build accepts, field by field', () => {
  for (const collection of COLLECTIONS) {
    it(`${collection.name}: every field and value`, () => {
      const decapFields = configFields(collection);
      const cases: { path: string[]; field: Field; decap: DecapField }[] = [];
      collection.fields.forEach((field, index) => {
        const decap = decapFields[index]!;
        cases.push({ path: [field.name], field, decap });
        if (field.kind === 'object-list') {
          field.fields.forEach((inner, innerIndex) =>
            cases.push({ path: [field.name, inner.name], field: inner, decap: (decap.fields as DecapField[])[innerIndex]! }),
          );
        }
      });
      const disagreements: string[] = [];
      let checked = 0;
      for (const { path, field, decap } of cases) {
        for (const value of CANDIDATES[field.kind]) {
          const cms = decapAccepts(decap, value);
          if (cms === 'cannot') continue;
          // What the CMS writes: an empty optional value is left out (cms/main.ts, before each save).
          const written = pruneEmptyOptional(collection.fields, fileWith(collection.fields, decapFields, { path, value }));
          const problems = checkEntry(collection.name, 'content/x.mdx', written);
          const build = problems.length === 0;
          checked += 1;
          if (cms && !build)
            disagreements.push(
              `${path.join('.')} = ${JSON.stringify(value)}: the CMS saves it, the build says ${problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}`,
            );
          if (!cms && build && !hasStraySpace(value))
            disagreements.push(`${path.join('.')} = ${JSON.stringify(value)}: the build accepts it, the CMS does not`);
        }
      }
      expect(disagreements).toEqual([]);
      expect(checked).toBeGreaterThan(cases.length);
    });
  }
});

describe('what Decap writes, the build reads', () => {
  it('writes a bulletin the build accepts, with its date as text', async () => {
    const decap = await loadDecap();
    const bulletins = COLLECTIONS.find((collection) => collection.name === 'bulletins')!;
    const data = {
      number: 17,
      title: 'Partner bulletin 17',
      date: '2026-03-31',
      summary: 'What changed this week.',
      topics: ['Schools'],
      body: '## Heading\n\nText.\n',
    };
    const file = decap.writeFrontmatter(data, [...bulletins.fields.map((field) => field.name), 'body']);
    expect(file).toMatch(/^---\nnumber: 17\ntitle: Partner bulletin 17\ndate: ["']?2026-03-31["']?\n/);
    const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(file)![1]!;
    const read = parseYaml(frontmatter, 'content/bulletins/partner-bulletin-17.mdx');
    expect(read.date).toBe('2026-03-31');
    expect(checkEntry('bulletins', 'content/bulletins/partner-bulletin-17.mdx', read)).toEqual([]);
    expect(file.endsWith('## Heading\n\nText.\n')).toBe(true);
  });

  it('names files from titles as the build requires: lower case letters, numbers and single hyphens', async () => {
    const decap = await loadDecap();
    const slug = config.slug as Record<string, unknown>;
    for (const [title, name] of [
      ['COVID-19 partner bulletin 17', 'covid-19-partner-bulletin-17'],
      ['Child J: a practice review', 'child-j-a-practice-review'],
      ['Annual report 2019/20', 'annual-report-2019-20'],
      ['Réunion des partenaires', 'reunion-des-partenaires'],
      ["Young people's voices", 'young-peoples-voices'],
      ['Version 2.1 of the plan', 'version-2-1-of-the-plan'],
    ] as const) {
      const made = decap.slug(title, slug);
      expect(made, title).toBe(name);
      expect(`${made}.mdx`, title).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.mdx$/);
    }
  });
});

describe('each collection in the CMS', () => {
  it("shows entries with useful summaries and sorts by the model's order", () => {
    const entryCollections: readonly Collection[] = COLLECTIONS.filter((candidate) => candidate.type === 'entries');
    for (const collection of entryCollections) {
      const decap = decapCollection(collection);
      const sortable = (decap.sortable_fields as (string | { field: string })[]).map((field) =>
        typeof field === 'string' ? field : field.field,
      );
      expect(sortable, collection.name).toContain(collection.sortBy ?? 'title');
      // Named by what names the entry: its title, or the glossary's term.
      expect(String(decap.summary), collection.name).toContain(`{{${String(decap.identifier_field)}}}`);
    }
  });

  it('lists reviews newest first, each with its publication date as a person reads it', () => {
    const reviews = configCollection('reviews');
    expect(reviews.sortable_fields).toEqual([{ field: 'published', default_sort: 'desc' }, 'title']);
    expect(reviews.summary).toBe("{{title}}: {{type}}, published {{published | date('D MMMM YYYY')}}");
    // Only one list starts sorted (Decap allows one default per collection, checked by validateConfig).
    expect(
      config.collections.filter((collection) =>
        (collection.sortable_fields as unknown[] | undefined)?.some((field) => typeof field === 'object'),
      ),
    ).toHaveLength(1);
  });

  it("gives the reviews list filters by the one-year rule on the site's today, with date ranges only", async () => {
    const withRule = cmsConfig(cmsOptionsFromEnv({ SITE_NOW: '2027-01-05' }, { dev: true, siteUrl: SITE, retentionYears: 1 }));
    const filters = withRule.collections.find((collection) => collection.name === 'reviews')!.view_filters as {
      label: string;
      field: string;
      pattern: string;
    }[];
    expect(filters).toEqual(reviewViewFilters('2027-01-05', 1));
    expect(filters.map((filter) => filter.label)).toEqual([
      'Scheduled',
      'On the site',
      'Leaving in the next 30 days',
      'Withdrawn (available on request)',
    ]);
    const matches = (label: string, date: string) => new RegExp(filters.find((filter) => filter.label === label)!.pattern).test(date);
    expect(['2027-01-05', '2027-01-06'].map((date) => matches('Scheduled', date))).toEqual([false, true]);
    expect(['2026-01-05', '2026-01-06', '2026-02-04', '2026-02-05'].map((date) => matches('Leaving in the next 30 days', date))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(['2026-01-05', '2026-01-06'].map((date) => matches('Withdrawn (available on request)', date))).toEqual([true, false]);
    // No other collection has filters; without the settings' period, neither has reviews.
    expect(withRule.collections.filter((collection) => 'view_filters' in collection).map((collection) => collection.name)).toEqual([
      'reviews',
    ]);
    expect(config.collections.some((collection) => 'view_filters' in collection)).toBe(false);
    const decap = await loadDecap();
    expect(() => decap.validateConfig(withRule)).not.toThrow();
    // config.yml is public: nothing in it names a review or what a review says.
    const yamlText = cmsConfigYaml(withRule);
    for (const entry of readAllEntries(process.cwd(), 'reviews')) {
      const name = reviewTitle(String(entry.data.title), entry.data.type as ReviewType);
      for (const text of [name, entry.file.replace(/^.*\//, '').replace(/\.mdx$/, ''), String(entry.data.summary).slice(0, 40)])
        expect(yamlText, text).not.toContain(text);
    }
  });

  it('takes the retention period from the settings file, and starts without filters when it cannot be read', () => {
    expect(settingsRetentionYears(process.cwd())).toBe(1);
    const root = fixtureFolder({ 'content/settings/site.yaml': 'reviewRetentionYears: 2\n' }, 'sg-cms-years-');
    const broken = fixtureFolder({ 'content/settings/site.yaml': 'reviewRetentionYears: [\n' }, 'sg-cms-years-');
    const zero = fixtureFolder({ 'content/settings/site.yaml': 'reviewRetentionYears: 0\n' }, 'sg-cms-years-');
    try {
      expect([root, broken, zero].map(settingsRetentionYears)).toEqual([2, undefined, undefined]);
    } finally {
      for (const folder of [root, broken, zero]) rmSync(folder, { recursive: true, force: true });
    }
  });

  it("gives a body editor without a level 1 heading, and the site's components in its menu", () => {
    const body = configFields(COLLECTIONS[0]!).at(-1)!;
    expect(body.buttons).not.toContain('heading-one');
    expect(body.editor_components).toEqual(['Warning', 'Inset', 'HelpNumbers', 'ContactPanel', 'Table', 'Figure']);
    expect(body.modes).toEqual(['rich_text', 'raw']);
  });

  it('writes a field the same way however it is reached', () => {
    for (const collection of COLLECTIONS) {
      for (const field of collection.fields)
        expect(decapField(field, collection.folder)).toEqual(configFields(collection).find((candidate) => candidate.name === field.name));
    }
  });
});
