/**
 * The longest index entries the content model allows, for the scale test:
 * a full index page each of bulletins and procedures (each procedure in its
 * own category), and enough pages for a full A to Z page, every title,
 * summary and category at its maximum length in text that hardly compresses
 * (tools/page-size-worst-case.ts: worstText and the model's maxLength). They sort together: the bulletins have
 * the highest numbers (the first page of /bulletins/), the procedures'
 * categories start with "A 0…" (the first page of /procedures/), and every
 * title starts with "Z" (the first page of /search/a-to-z/z/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_SIZES } from '../../src/rules/pagination';
import { maxLength, worstText } from '../../tools/page-size-worst-case';
import type { IsoDate } from '../../src/rules/dates';

const yaml = (value: string) => JSON.stringify(value);
const BODY = 'The longest entry the content model allows, to check the index pages stay within budget.\n';

export interface WorstCaseEntries {
  bulletins: string[];
  procedures: string[];
  pages: string[];
}

export function writeWorstCaseEntries(root: string, today: IsoDate): WorstCaseEntries {
  const title = (seed: number) => `Z${worstText(maxLength('bulletins', 'title') - 1, seed)}`;
  const written: WorstCaseEntries = { bulletins: [], procedures: [], pages: [] };
  const write = (folder: keyof WorstCaseEntries, slug: string, frontmatter: string[]) => {
    mkdirSync(join(root, 'content', folder), { recursive: true });
    writeFileSync(join(root, 'content', folder, `${slug}.mdx`), `---\n${frontmatter.join('\n')}\n---\n\n${BODY}`);
    written[folder].push(slug);
  };
  for (let index = 0; index < PAGE_SIZES.bulletin; index += 1) {
    write('bulletins', `worst-case-bulletin-${index}`, [
      `number: ${900000 + index}`,
      `title: ${yaml(title(index * 4 + 1))}`,
      `date: ${today}`,
      `summary: ${yaml(worstText(maxLength('bulletins', 'summary'), index * 4 + 2))}`,
      'sample: true',
    ]);
  }
  for (let index = 0; index < PAGE_SIZES.procedure; index += 1) {
    const category = `A ${String(index).padStart(2, '0')} ${worstText(maxLength('procedures', 'category') - 5, index * 4 + 3)}`;
    write('procedures', `worst-case-procedure-${index}`, [
      `title: ${yaml(title(index * 4 + 1001))}`,
      `summary: ${yaml(worstText(maxLength('procedures', 'summary'), index * 4 + 1002))}`,
      'audience: children',
      `category: ${yaml(category)}`,
      `lastReviewed: ${today}`,
      'reviewDue: 2000-01-01',
      'sample: true',
    ]);
  }
  for (let index = 0; index < PAGE_SIZES.aToZ - PAGE_SIZES.bulletin - PAGE_SIZES.procedure; index += 1) {
    write('pages', `worst-case-page-${index}`, [
      `title: ${yaml(title(index * 4 + 2001))}`,
      `description: ${yaml(worstText(maxLength('pages', 'description'), index * 4 + 2002))}`,
      'sample: true',
    ]);
  }
  return written;
}
