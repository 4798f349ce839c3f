/**
 * npm run retention: every review with its state and dates, what leaves the
 * site in the next 30 days, and the settings still empty. SITE_NOW=YYYY-MM-DD
 * shows any other day. Reads content/ and changes nothing.
 */
import { readAllEntries } from '../src/content/files';
import { siteToday } from '../src/rules/dates';
import { retentionYearsFrom } from '../src/rules/retention';
import { formatRetentionReport, retentionReport, type ReviewRecord } from '../src/rules/retention-report';
import { missingSettings } from '../src/site/settings-report';

const entries = readAllEntries(process.cwd());
const settings = entries.find((entry) => entry.collection === 'settings')?.data ?? {};
const years = retentionYearsFrom(settings);
const reviews: ReviewRecord[] = entries
  .filter((entry) => entry.collection === 'reviews')
  .map((entry) => ({
    file: entry.file,
    title: String(entry.data.title),
    type: String(entry.data.type),
    published: String(entry.data.published),
  }));

console.log(formatRetentionReport(retentionReport(reviews, siteToday(), years), missingSettings(settings)));
