/**
 * Draws public/images/partnership-structure.png, the diagram on the About
 * page of how the partnership is organised (from its published arrangements,
 * seed 002, Appendix B, as the About page describes it). The project's own
 * image: laid out by satori with Noto Sans, made a PNG by sharp. Run again
 * after changing the groups:
 *
 *   npx tsx scripts/make-structure-diagram.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import satori from 'satori';
import sharp from 'sharp';
import { loadShareFonts } from '../src/share-images/render.ts';

const WIDTH = 1600;
const HEIGHT = 1060;
const PADDING = 40;
const BRAND = '#432874';
const TINT = '#f3f1f8';
const BORDER = '#a497c6';
const TEXT = '#0b0c0c';

type Style = Record<string, string | number>;
interface Node {
  type: string;
  props: { style?: Style; children?: (Node | string)[] | string };
}
const div = (style: Style, children: (Node | string)[] | string): Node => ({
  type: 'div',
  props: { style: { display: 'flex', flexShrink: 0, ...style }, children },
});

const box = (name: string, note: string, options: { strong?: boolean; width: number }): Node =>
  div(
    {
      // Width as drawn: satori adds padding and borders to the width.
      flexDirection: 'column',
      justifyContent: 'center',
      width: options.width - 56,
      minHeight: 132,
      padding: '18px 24px',
      backgroundColor: options.strong ? BRAND : TINT,
      color: options.strong ? '#ffffff' : TEXT,
      border: `4px solid ${options.strong ? BRAND : BORDER}`,
      borderRadius: 8,
    },
    [div({ fontSize: 34, fontWeight: 700, lineHeight: 1.2 }, name), div({ fontSize: 26, marginTop: 8, lineHeight: 1.3 }, note)],
  );

const line = (height: number): Node => div({ width: 6, height, backgroundColor: BORDER }, []);
const label = (text: string): Node => div({ fontSize: 28, fontWeight: 700, color: BRAND, marginBottom: 14 }, text);

const DELIVERY: [string, string][] = [
  ['Learning and Development Group', 'Children and adults'],
  ['Performance, Audit and Quality Assurance', 'One group for children, one for adults'],
  ['Safeguarding Practice Review Group', 'Children and adults'],
  ['Child Exploitation and Missing Group', 'Task and finish group'],
  ['Safeguarding in Schools Forum', 'Designated safeguarding leads and head teachers'],
  ['Task and finish groups', 'Set up for a particular issue, when needed'],
];

// Satori adds padding to the width and height, so the page's box is the canvas less its padding.
const tree = div(
  {
    width: WIDTH - 2 * PADDING,
    height: HEIGHT - 2 * PADDING,
    flexDirection: 'column',
    alignItems: 'center',
    padding: PADDING,
    backgroundColor: '#ffffff',
    fontFamily: 'Noto Sans',
  },
  [
    label('Leads the partnership'),
    box('Strategic Leadership Group', 'The 3 safeguarding partners and the independent adviser', { strong: true, width: 860 }),
    line(36),
    div({ width: 1012, height: 6, backgroundColor: BORDER }, []),
    div({ width: 1012, justifyContent: 'space-between' }, [line(36), line(36)]),
    div({ width: 1300, justifyContent: 'space-between' }, [
      box('Partnership group for children', 'Executive group: the partners and all relevant agencies', { width: 600 }),
      box('Partnership group for adults', 'Executive group: the partners and all relevant agencies', { width: 600 }),
    ]),
    line(40),
    label('Delivery groups, reporting to the partnership groups'),
    div(
      { width: WIDTH - 2 * PADDING, flexWrap: 'wrap', justifyContent: 'space-between', rowGap: 24 },
      DELIVERY.map(([name, note]) => box(name, note, { width: (WIDTH - 2 * PADDING - 48) / 3 })),
    ),
  ],
);

const fonts = loadShareFonts();
const svg = await satori(tree as Parameters<typeof satori>[0], {
  width: WIDTH,
  height: HEIGHT,
  fonts: [
    { name: 'Noto Sans', data: fonts.regular, weight: 400, style: 'normal' },
    { name: 'Noto Sans', data: fonts.bold, weight: 700, style: 'normal' },
  ],
});
mkdirSync('public/images', { recursive: true });
writeFileSync(
  'public/images/partnership-structure.png',
  await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer(),
);
console.log('public/images/partnership-structure.png');
