/**
 * The code is formatted by Prettier (with the Astro plugin) and passes ESLint
 * (JavaScript's and TypeScript's recommended rules, the Astro plugin's and
 * jsx-a11y's accessibility rules: eslint.config.js). `npm run format` fixes
 * the formatting; `npm run lint` runs both checks on their own.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

/** The project's files as git knows them (tracked, and new ones not ignored). */
function projectFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
}

describe('code style', () => {
  it('passes ESLint', { timeout: 180_000 }, async () => {
    const results = await new ESLint().lintFiles(['.']);
    const problems = results.flatMap((result) =>
      result.messages.map(
        (message) => `${result.filePath}:${message.line}:${message.column} ${message.message} (${message.ruleId ?? 'parse'})`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('is formatted by Prettier (npm run format)', { timeout: 180_000 }, async () => {
    const unformatted: string[] = [];
    for (const file of projectFiles()) {
      const info = await prettier.getFileInfo(file, { ignorePath: '.prettierignore', resolveConfig: true });
      if (info.ignored || !info.inferredParser) continue;
      const options = await prettier.resolveConfig(file);
      if (!(await prettier.check(readFileSync(file, 'utf8'), { ...options, filepath: file }))) unformatted.push(file);
    }
    expect(unformatted).toEqual([]);
  });
});
