/**
 * Generated content for the benchmark: realistic pages, procedures and
 * bulletins (headings, lists, a table, links), written into a project copy so
 * the site can be built with thousands of pages. Deterministic: the same
 * count gives the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

function sentence(next: () => number, words = 14): string {
  const chosen = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  const text = chosen.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number, sentences = 4): string {
  return Array.from({ length: sentences }, () => sentence(next, 10 + Math.floor(next() * 10))).join(' ');
}

function body(next: () => number, topic: string): string {
  return [
    paragraph(next, 5),
    '',
    `## About ${topic}`,
    '',
    paragraph(next),
    '',
    '### Who this is for',
    '',
    ...Array.from({ length: 5 }, () => `- ${sentence(next, 6).slice(0, -1).toLowerCase()}`),
    '',
    '## What to do',
    '',
    paragraph(next),
    '',
    `If you are worried about a child or an adult, [report a concern](/report-a-concern/). Practitioners should follow the [local safeguarding procedures](/procedures/) and the [threshold document](/threshold/).`,
    '',
    `<Table caption="Steps about ${topic}: who takes each and when" firstCellIsHeader="true">`,
    '| Step | Who | When |',
    '| --- | --- | --- |',
    ...Array.from({ length: 4 }, (_, index) => `| ${index + 1} | ${sentence(next, 3).slice(0, -1)} | within ${index + 1} working days |`),
    '</Table>',
    '',
    '## More information',
    '',
    paragraph(next, 3),
    '',
    'Read [Working Together to Safeguard Children on GOV.UK](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2).',
    '',
  ].join('\n');
}

export interface GeneratedFile {
  path: string;
  text: string;
}

/** `count` entries, a third each of pages, procedures and bulletins. */
export function generateEntries(count: number, today: IsoDate): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (let index = 0; index < count; index += 1) {
    const next = random(index + 1);
    const number = String(index + 1).padStart(5, '0');
    const topic = `${WORDS[index % WORDS.length]} ${WORDS[(index * 7) % WORDS.length]}`;
    const summary = sentence(next, 20);
    switch (index % 3) {
      case 0:
        files.push({
          path: `content/pages/generated-page-${number}.mdx`,
          text: `---\ntitle: Generated page ${number} on ${topic}\ndescription: ${summary}\n---\n\n${body(next, topic)}`,
        });
        break;
      case 1:
        files.push({
          path: `content/procedures/generated-procedure-${number}.mdx`,
          text: `---\ntitle: Generated procedure ${number} on ${topic}\nsummary: ${summary}\naudience: ${['children', 'adults', 'all'][Math.floor(next() * 3)]}\ncategory: Generated ${WORDS[index % 7]}\nlastReviewed: ${addDays(today, -30)}\nreviewDue: ${addYears(today, 1)}\n---\n\n${body(next, topic)}`,
        });
        break;
      default:
        files.push({
          path: `content/bulletins/generated-bulletin-${number}.mdx`,
          text: `---\nnumber: ${100000 + index}\ntitle: Generated bulletin ${number} on ${topic}\ndate: ${addDays(today, -(index % 2000))}\nsummary: ${summary}\ntopics:\n  - ${topic}\n---\n\n${body(next, topic)}`,
        });
    }
  }
  return files;
}

export function writeGeneratedEntries(root: string, count: number, today: IsoDate): number {
  const files = generateEntries(count, today);
  for (const file of files) {
    mkdirSync(join(root, file.path, '..'), { recursive: true });
    writeFileSync(join(root, file.path), file.text);
  }
  return files.length;
}
