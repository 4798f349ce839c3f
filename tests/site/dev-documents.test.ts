/**
 * The dev server (what `npm start` runs) serves documents as the build
 * does: at the same address, by the same rule. A public review's document
 * is served (same bytes, its format's type); a withdrawn review's, or a file
 * in an entry's folder that the entry does not name, is not found.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAstroDev, type AstroDev } from '../support/dev-server';
import { copyProject } from '../../tools/project-copy';

const project = copyProject('sg-dev-documents-');
const ADULT_B = 'adult-b-safeguarding-adults-review';
// Published 2025-09-01: withdrawn a year later, whatever day the test runs after that.
const D = 'd-domestic-homicide-review';
const UNNAMED = `content/reviews/${ADULT_B}/draft-not-chosen.pdf`;

let dev: AstroDev | undefined;
let site = '';

beforeAll(async () => {
  writeFileSync(join(project.root, UNNAMED), readFileSync(resolve(`content/reviews/${ADULT_B}/${ADULT_B}-report.pdf`)));
  dev = await startAstroDev(project.root, `/reviews/${ADULT_B}/`);
  site = dev.site;
}, 120_000);

afterAll(() => {
  dev?.stop();
  project.remove();
});

describe('documents on the dev server', () => {
  it("serves a public review's document at the address its page links, with the same bytes", async () => {
    const page = await (await fetch(`${site}/reviews/${ADULT_B}/`)).text();
    const href = `/documents/reviews/${ADULT_B}/${ADULT_B}-report.pdf`;
    expect(page).toContain(`href="${href}"`);
    const response = await fetch(`${site}${href}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await response.arrayBuffer()).equals(readFileSync(resolve(`content/reviews/${ADULT_B}/${ADULT_B}-report.pdf`))),
    ).toBe(true);
  });

  it("does not serve a withdrawn review's document, nor a file its entry does not name", async () => {
    expect((await fetch(`${site}/documents/reviews/${D}/${D}-overview-report.pdf`)).status).toBe(404);
    expect((await fetch(`${site}/documents/reviews/${ADULT_B}/draft-not-chosen.pdf`)).status).toBe(404);
  });
});
