/**
 * Generated content for the benchmarks: realistic pages, procedures and
 * bulletins (headings, lists, a table, links), written into a project copy so
 * the site can be built with thousands of pages. Deterministic: the same
 * count (and the same site, for the site's vocabulary) gives the same files.
 *
 * The words come from a vocabulary: by default a small fixed one (enough for
 * the build's and the page weight's figures); for search, where how common or
 * rare each word is matters, `siteVocabulary` takes the site's own words plus
 * invented names and places, so the vocabulary grows as a real site's does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAllEntries } from '../src/content/files';
import { addDays, addYears, type IsoDate } from '../src/rules/dates';

const WORDS = (
  'safeguarding children adults families partnership practitioners school health police council support neglect abuse exploitation ' +
  'early help assessment referral threshold review learning information sharing consent risk harm wellbeing community domestic ' +
  'carers education housing mental services training guidance escalation supervision voice child plan meeting professional curiosity'
).split(' ');

/** A small seeded generator, so the text varies but every run is the same. */
export function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

/** Where generated text takes its words: for each entry, a source of words drawn with that entry's `next`. */
export interface Vocabulary {
  wordsFor: (next: () => number, index: number) => () => string;
}

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)]!;

/** The small fixed vocabulary above. */
export const FIXED_VOCABULARY: Vocabulary = { wordsFor: (next) => () => pick(WORDS, next) };

/** Every word in the site's content (the bodies of every collection's entries), as often as it appears. */
export function siteWords(root: string): string[] {
  return readAllEntries(root).flatMap(
    (entry) =>
      entry.body
        .replace(/<[^>]+>|\[|\]\([^)]*\)|[#*|>-]/g, ' ')
        .toLowerCase()
        .match(/[a-z][a-z']+/g) ?? [],
  );
}

const SYLLABLES = [
  'ash',
  'bor',
  'cal',
  'den',
  'ell',
  'fen',
  'gar',
  'hol',
  'ing',
  'kel',
  'lan',
  'mor',
  'nes',
  'ock',
  'pen',
  'quen',
  'ros',
  'sted',
  'tham',
  'ver',
  'wick',
  'yar',
];

function inventedWord(next: () => number): string {
  return Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES, next)).join('');
}

/**
 * The site's own words (`siteWords`), and in each entry six names of its own
 * (one word in 25) from a pool of invented ones three times the entry count
 * (at least 200), so words are as common or rare as on the site and new ones
 * come with new pages.
 */
export function siteVocabulary(words: readonly string[], count: number): Vocabulary {
  if (words.length === 0) throw new Error('siteVocabulary: the site has no words to draw from');
  const pool = Array.from({ length: Math.max(200, count * 3) }, (_, index) => inventedWord(random(100_000 + index)));
  return {
    wordsFor: (next) => {
      const own = Array.from({ length: 6 }, () => pick(pool, next));
      return () => (next() < 0.04 ? pick(own, next) : pick(words, next));
    },
  };
}

function sentence(word: () => string, words = 14): string {
  const text = Array.from({ length: words }, word).join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number, word: () => string, sentences = 4): string {
  return Array.from({ length: sentences }, () => sentence(word, 10 + Math.floor(next() * 10))).join(' ');
}

function body(next: () => number, word: () => string, topic: string): string {
  return [
    paragraph(next, word, 5),
    '',
    `## About ${topic}`,
    '',
    paragraph(next, word),
    '',
    '### Who this is for',
    '',
    ...Array.from({ length: 5 }, () => `- ${sentence(word, 6).slice(0, -1).toLowerCase()}`),
    '',
    '## What to do',
    '',
    paragraph(next, word),
    '',
    `If you are worried about a child or an adult, [report a concern](/report-a-concern/). Practitioners should follow the [local safeguarding procedures](/procedures/) and the [threshold document](/threshold/).`,
    '',
    `<Table caption="Steps about ${topic}: who takes each and when" firstCellIsHeader="true">`,
    '| Step | Who | When |',
    '| --- | --- | --- |',
    ...Array.from({ length: 4 }, (_, index) => `| ${index + 1} | ${sentence(word, 3).slice(0, -1)} | within ${index + 1} working days |`),
    '</Table>',
    '',
    '## More information',
    '',
    paragraph(next, word, 3),
    '',
    'Read [Working Together to Safeguard Children on GOV.UK](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2).',
    '',
  ].join('\n');
}

export interface GeneratedFile {
  path: string;
  text: string;
}

/** `count` entries, a third each of pages, procedures and bulletins, in words from `vocabulary`. */
export function generateEntries(count: number, today: IsoDate, vocabulary: Vocabulary = FIXED_VOCABULARY): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (let index = 0; index < count; index += 1) {
    const next = random(index + 1);
    const word = vocabulary.wordsFor(next, index);
    const number = String(index + 1).padStart(5, '0');
    const topic = `${WORDS[index % WORDS.length]} ${WORDS[(index * 7) % WORDS.length]}`;
    const summary = sentence(word, 20);
    switch (index % 3) {
      case 0:
        files.push({
          path: `content/pages/generated-page-${number}.mdx`,
          text: `---\ntitle: Generated page ${number} on ${topic}\ndescription: ${summary}\n---\n\n${body(next, word, topic)}`,
        });
        break;
      case 1:
        files.push({
          path: `content/procedures/generated-procedure-${number}.mdx`,
          text: `---\ntitle: Generated procedure ${number} on ${topic}\nsummary: ${summary}\naudience: ${['children', 'adults', 'all'][Math.floor(next() * 3)]}\ncategory: Generated ${WORDS[index % 7]}\nlastReviewed: ${addDays(today, -30)}\nreviewDue: ${addYears(today, 1)}\n---\n\n${body(next, word, topic)}`,
        });
        break;
      default:
        files.push({
          path: `content/bulletins/generated-bulletin-${number}.mdx`,
          text: `---\nnumber: ${100000 + index}\ntitle: Generated bulletin ${number} on ${topic}\ndate: ${addDays(today, -(index % 2000))}\nsummary: ${summary}\ntopics:\n  - ${topic}\n---\n\n${body(next, word, topic)}`,
        });
    }
  }
  return files;
}

/** Writes each file under `root` at its path, making the folders it needs. */
export function writeFiles(root: string, files: readonly Pick<GeneratedFile, 'path' | 'text'>[]): void {
  for (const file of files) {
    mkdirSync(join(root, file.path, '..'), { recursive: true });
    writeFileSync(join(root, file.path), file.text);
  }
}

export function writeGeneratedEntries(root: string, count: number, today: IsoDate, vocabulary?: Vocabulary): number {
  const files = generateEntries(count, today, vocabulary);
  writeFiles(root, files);
  return files.length;
}
