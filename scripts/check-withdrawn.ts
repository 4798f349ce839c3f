/**
 * npm run check:withdrawn [folder]: checks a built site (default dist/) for
 * the one-year rule as it stands today (or SITE_NOW): no review that is not
 * public has anything in it beyond its short page (src/rules/withdrawn-check.ts).
 * Reads content/ in the current folder and the built folder; changes nothing.
 * Exit code 1 and one line per problem when the rule is broken.
 */
import { resolve } from 'node:path';
import { siteToday } from '../src/rules/dates';
import { checkWithdrawnReviews, formatRuleProblems } from '../src/rules/withdrawn-check';

const folder = resolve(process.argv[2] ?? 'dist');
try {
  const today = siteToday();
  const { problems, reviews } = checkWithdrawnReviews(folder, process.cwd(), today);
  const hidden = reviews.filter((review) => review.state !== 'public');
  if (problems.length > 0) {
    console.error(`The one-year rule is broken in ${folder} (today is ${today}):\n${formatRuleProblems(problems)}`);
    process.exit(1);
  }
  console.log(
    `One-year rule kept in ${folder} for ${today}: ${hidden.length} review(s) not public (${hidden.map((review) => review.name).join(', ') || 'none'}) have nothing beyond their short page; ${reviews.length - hidden.length} public review(s) found where expected.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
