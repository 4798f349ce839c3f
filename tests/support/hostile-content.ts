/**
 * Bodies an attacker with editor access might write, each with the line the
 * content check must name and words its message must hold. Where a body
 * would write a file if it ever ran, it writes to CANARY, and where it would
 * read one, it reads CANARY.secret: the tests replace CANARY with a path of
 * their own, check nothing appeared there, and that what the secret file
 * holds never appears in any output.
 */
import type { CollectionName } from '../../src/content/model';

export interface HostileBody {
  name: string;
  body: string;
  /** Line of the body the first problem is on. */
  line: number;
  says: string;
  collection?: CollectionName;
}

export const CANARY = '__CANARY__';

export const HOSTILE_BODIES: readonly HostileBody[] = [
  { name: 'an import', body: "import fs from 'node:fs'\n\nText.\n", line: 1, says: 'import and export lines are not allowed' },
  {
    name: 'an export with a side effect',
    body: `Text.\n\nexport const ran = (await import('node:fs')).writeFileSync('${CANARY}', 'export')\n`,
    line: 3,
    says: 'import and export lines are not allowed',
  },
  {
    name: 'an expression in text reading a file',
    body: `The secret is {(await import('node:fs')).readFileSync('${CANARY}.secret', 'utf8')}.\n`,
    line: 1,
    says: 'is code, which a page may not run',
  },
  {
    name: 'an expression block writing a file',
    body: `Text.\n\n{(await import('node:fs')).writeFileSync('${CANARY}', 'expression')}\n`,
    line: 3,
    says: 'is code, which a page may not run',
  },
  {
    name: 'code hidden between comments',
    body: `{/* a note */ (await import('node:fs')).writeFileSync('${CANARY}', 'comment') /* b */}\n`,
    line: 1,
    says: 'is code, which a page may not run',
  },
  {
    name: 'an attribute that is an expression',
    body: `<Figure src="/images/structure.png" alt={(await import('node:fs')).writeFileSync('${CANARY}', 'attribute') ?? 'x'} />\n`,
    line: 1,
    says: 'which is code',
  },
  { name: 'a spread attribute', body: 'Text.\n\n<Warning {...{ title: 1 }}>Hi</Warning>\n', line: 3, says: 'which is code' },
  { name: 'a script', body: 'Text.\n\n<script>alert(1)</script>\n', line: 3, says: '<script> is not allowed in a page' },
  {
    name: 'a style element',
    body: "<style>{'.govuk-exit-this-page { display: none }'}</style>\n",
    line: 1,
    says: '<style> is not allowed in a page',
  },
  { name: 'an iframe', body: '<iframe src="https://example.org/" />\n', line: 1, says: '<iframe> is not allowed in a page' },
  { name: 'an object', body: '<object data="https://example.org/x.swf" />\n', line: 1, says: '<object> is not allowed in a page' },
  { name: 'an embed', body: '<embed src="https://example.org/x.swf" />\n', line: 1, says: '<embed> is not allowed in a page' },
  {
    name: 'a form',
    body: '<form action="https://example.org/collect">Your name</form>\n',
    line: 1,
    says: '<form> is not allowed in a page',
  },
  { name: 'a base element', body: '<base href="https://example.org/" />\n', line: 1, says: '<base> is not allowed in a page' },
  {
    name: 'a meta refresh',
    body: '<meta httpEquiv="refresh" content="0;url=https://example.org/" />\n',
    line: 1,
    says: '<meta> is not allowed in a page',
  },
  {
    name: 'a link element',
    body: '<link rel="stylesheet" href="https://example.org/x.css" />\n',
    line: 1,
    says: '<link> is not allowed in a page',
  },
  { name: 'an event handler', body: '<Warning onClick="alert(1)">Hi</Warning>\n', line: 1, says: 'an event handler, which runs code' },
  { name: 'a style attribute', body: '<Warning style="display: none">Hi</Warning>\n', line: 1, says: 'has a style attribute' },
  {
    name: 'an attribute a component does not take',
    body: '<Figure src="/images/structure.png" alt="A diagram" loading="eager" />\n',
    line: 1,
    says: 'Figure takes only',
  },
  { name: 'an unknown component', body: 'Text.\n\n<Evil />\n', line: 3, says: '<Evil> is not a component' },
  { name: 'an HTML link', body: '<a href="javascript:alert(1)">Report a concern</a>\n', line: 1, says: 'Write a Markdown link' },
  { name: 'a javascript: link', body: 'Text.\n\n[Report a concern](javascript:alert(1))\n', line: 3, says: 'starts with javascript:' },
  {
    name: 'a javascript: link in disguise',
    body: '[Report a concern](JaVa&#115;cript:alert(1))\n',
    line: 1,
    says: 'starts with javascript:',
  },
  {
    name: 'a javascript: link by reference',
    body: '[Report a concern][r]\n\n[r]: javascript:alert(1)\n',
    line: 3,
    says: 'starts with javascript:',
  },
  { name: 'a data: image', body: '![A picture](data:image/png;base64,AAAA)\n', line: 1, says: 'starts with data:' },
  { name: 'an empty tag', body: '<>Text</>\n', line: 1, says: 'an empty tag <> is not allowed' },
  { name: 'an HTML comment', body: 'Text.\n\n<!-- note -->\n', line: 3, says: 'write {/* comment */} instead' },
];

/** A body with the canary path put in. */
export function withCanary(body: string, canary: string): string {
  return body.split(CANARY).join(canary);
}
