/**
 * npm run check:links [folder]: every internal link and asset in a built site
 * (dist/ unless another folder is given) must exist, and every #fragment its
 * element (tools/link-check.ts); external links are not fetched. Internal
 * addresses are those starting with SITE_URL (src/site/site-address.ts). Exits 1
 * with the broken links, for the daily publishing run.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkLinks } from '../tools/link-check';
import { linkCheckOutcome } from '../tools/link-check-outcome';
import { SITE_URL } from '../src/site/site-address';

const directory = resolve(process.argv[2] ?? 'dist');
if (!existsSync(directory)) {
  console.error(`There is no folder ${process.argv[2] ?? 'dist'}: build the site first (npm run build).`);
  process.exit(1);
}
const outcome = linkCheckOutcome(checkLinks(directory, SITE_URL), process.argv[2] ?? 'dist');
(outcome.ok ? console.log : console.error)(outcome.text);
process.exitCode = outcome.ok ? 0 : 1;
