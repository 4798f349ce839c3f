/**
 * Deletes every earlier deploy of the Netlify site, keeping only the one just
 * published, so that nothing withdrawn from the live site stays reachable at
 * an old deploy's own address (see src/build/netlify-deploys.ts and docs/building-and-deploying.md,
 * "How it is deployed"). Run by .github/workflows/deploy.yml after each deploy,
 * with Node alone (no npm install):
 *
 *   node scripts/prune-deploys.ts --cli-output netlify-deploy.json
 *   node scripts/prune-deploys.ts <deploy id>
 *
 * Reads NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID (and NETLIFY_API_URL, for tests).
 * Exits 1, saying why, when anything could not be deleted.
 */
import { readFileSync } from 'node:fs';
import { DEPLOY_ID_PATTERN, NetlifySite, deployIdFromCliOutput, formatPruneResult, pruneDeploys } from '../src/build/netlify-deploys.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
const token = process.env.NETLIFY_AUTH_TOKEN;
const siteId = process.env.NETLIFY_SITE_ID;
if (!token || !siteId) fail('Set NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID (the deploy job has them from the "production" environment).');

let published: string;
try {
  if (args[0] === '--cli-output' && args[1]) published = deployIdFromCliOutput(readFileSync(args[1], 'utf8'));
  else if (args.length === 1 && DEPLOY_ID_PATTERN.test(args[0] ?? '')) published = args[0]!;
  else fail('Usage: node scripts/prune-deploys.ts --cli-output <file with the output of netlify deploy --json> | <deploy id>');
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const site = new NetlifySite({ token, siteId, apiUrl: process.env.NETLIFY_API_URL || undefined });
try {
  const result = await pruneDeploys(site, published);
  console.log(formatPruneResult(result, published));
  if (result.failed.length > 0) process.exit(1);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
