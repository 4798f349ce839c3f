/**
 * html-validate over the built site: the HTML of every page is valid and
 * follows html-validate's recommended rules. The configuration lives here, in
 * one place; a rule switched off or changed says why next to it. No rule is
 * off for the whole site. One element is excused from one rule, by an
 * html-validate comment beside it that says why: the Exit this page link
 * (src/components/ExitThisPage.astro) from prefer-native-element.
 */
import { readFileSync } from 'node:fs';
import { HtmlValidate, StaticConfigLoader, type ConfigData, type Message } from 'html-validate';

export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {},
};

export interface HtmlFinding {
  page: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  selector: string | null;
}

const validator = new HtmlValidate(new StaticConfigLoader(HTML_VALIDATE_CONFIG));

function findings(page: string, messages: readonly Message[]): HtmlFinding[] {
  return messages.map((message) => ({
    page,
    line: message.line,
    column: message.column,
    rule: message.ruleId,
    message: message.message,
    selector: message.selector,
  }));
}

/** Validates one piece of HTML, named `page` in the findings. */
export async function validateHtml(html: string, page = 'inline.html'): Promise<HtmlFinding[]> {
  const report = await validator.validateString(html, page);
  return report.results.flatMap((result) => findings(page, result.messages));
}

/** Validates a built file; `page` is how the findings name it (its address). */
export async function validateBuiltFile(file: string, page: string): Promise<HtmlFinding[]> {
  return validateHtml(readFileSync(file, 'utf8'), page);
}

/** One line per finding: where, which rule, what it says. */
export function formatFindings(found: readonly HtmlFinding[]): string {
  return found
    .map((item) => `${item.page}:${item.line}:${item.column} ${item.rule}: ${item.message}${item.selector ? ` (${item.selector})` : ''}`)
    .join('\n');
}
