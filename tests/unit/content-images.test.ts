import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { BODY_COMPONENTS, IMAGE_FORMATS, MEDIA, getBodyComponent } from '../../src/content/model';
import { COMPONENT_SCHEMAS, IMAGE_PATTERN, checkComponent, describeExpected } from '../../src/content/schemas';
import {
  CONTENT_IMAGE_ENCODING,
  CONTENT_IMAGE_FORMATS,
  CONTENT_IMAGE_SIZES,
  checkBodyImages,
  findBodyImages,
  imageWidths,
  mediaFile,
} from '../../src/content/images';
import { checkRawEntry } from '../../src/content/files';

describe('the content model of images', () => {
  it('describes the Figure component, whose alternative text is required', () => {
    const figure = getBodyComponent('Figure')!;
    expect(BODY_COMPONENTS).toContain(figure);
    expect(COMPONENT_SCHEMAS.has('Figure')).toBe(true);
    expect(figure.props.map((prop) => [prop.name, prop.kind, prop.required])).toEqual([
      ['src', 'image', true],
      ['alt', 'text', true],
      ['caption', 'string', false],
    ]);
  });

  it("takes images from the media library, the CMS's media folder, in formats sharp converts", () => {
    expect(MEDIA).toEqual({ folder: 'public/images', publicPath: '/images' });
    expect(IMAGE_FORMATS).toEqual(['jpg', 'jpeg', 'png', 'webp', 'avif']);
    for (const good of ['/images/a.png', '/images/team/photo-2026.JPG', '/images/a.b.webp', '/images/x.avif'])
      expect(IMAGE_PATTERN.test(good), good).toBe(true);
    for (const bad of [
      'images/a.png',
      '/img/a.png',
      '/images/a.svg',
      '/images/a.gif',
      'https://example.org/a.png',
      '/images/../a.png',
      '/images/.hidden.png',
      '/images/a b.png',
    ]) {
      expect(IMAGE_PATTERN.test(bad), bad).toBe(false);
    }
    expect(describeExpected({ name: 'src', label: 'Image', kind: 'image', required: true })).toBe(
      'an image in the media library, as /images/name.png, ending .jpg, .jpeg, .png, .webp, .avif',
    );
  });

  it("checks a component's attributes like fields, naming each", () => {
    const figure = getBodyComponent('Figure')!;
    expect(checkComponent(figure, 'content/pages/a.mdx', '<Figure> on line 3', { src: '/images/a.png', alt: 'A diagram' })).toEqual([]);
    expect(checkComponent(figure, 'content/pages/a.mdx', '<Figure> on line 3', { src: '/images/a.png' })).toEqual([
      { file: 'content/pages/a.mdx', field: '<Figure> on line 3: alt', message: 'is missing; it is required (text)' },
    ]);
    expect(checkComponent(figure, 'content/pages/a.mdx', '<Figure> on line 3', { src: '/images/a.png', alt: '  ' })[0]!.message).toBe(
      'must not be empty; expected text',
    );
    const [unknown] = checkComponent(figure, 'content/pages/a.mdx', '<Figure> on line 3', { src: '/images/a.png', alt: 'A', width: '300' });
    expect(unknown).toMatchObject({ field: '<Figure> on line 3: width' });
    expect(unknown!.message).toMatch(/not an attribute of this component.*the attributes are: src, alt, caption/);
  });
});

describe('finding images in a body', () => {
  it('finds Figures, Markdown images and HTML images, with their lines', () => {
    const body = [
      'Intro.',
      '',
      '<Figure src="/images/a.png" alt="A chart of referrals" caption="Referrals in 2025" />',
      '',
      'Text with ![A photo of the civic centre](/images/civic.jpg "Civic Centre") inside.',
      '<Figure',
      '  src="/images/b.png"',
      "  alt={'Quoted in braces'}",
      '/>',
      '<img src="/images/c.png" alt="C" />',
      '```',
      '<Figure src="/images/in-code.png" />',
      '```',
      'And `![not an image](/images/x.png)` in code.',
    ].join('\n');
    expect(findBodyImages(body)).toEqual([
      {
        line: 3,
        syntax: 'Figure',
        props: { src: '/images/a.png', alt: 'A chart of referrals', caption: 'Referrals in 2025' },
        expressions: [],
      },
      { line: 5, syntax: 'markdown', props: { src: '/images/civic.jpg', alt: 'A photo of the civic centre' }, expressions: [] },
      { line: 6, syntax: 'Figure', props: { src: '/images/b.png', alt: 'Quoted in braces' }, expressions: [] },
      { line: 10, syntax: 'img', props: { src: '/images/c.png', alt: 'C' }, expressions: [] },
    ]);
  });
  it('reads the body as the MDX compiler does, where a regular expression read it wrongly', () => {
    const body = [
      '<Figure alt="Referrals > 100 a month" src="/images/a.png" />',
      '',
      '    <Figure src="/images/indented.png" alt="Indented, which in MDX is not code" />',
      '',
      '![A chart [with brackets] in its alt](/images/b.png)',
      '',
      '![Reference style][chart]',
      '',
      '[chart]: /images/chart.png',
      '',
      '{/* <Figure src="/images/in-a-comment.png" alt="x" /> */}',
      '',
      '<Table caption="Figures"><Figure src="/images/nested.png" alt="Inside another component" /></Table>',
    ].join('\n');
    expect(findBodyImages(body).map((image) => [image.line, image.syntax, image.props.src, image.props.alt])).toEqual([
      [1, 'Figure', '/images/a.png', 'Referrals > 100 a month'],
      [3, 'Figure', '/images/indented.png', 'Indented, which in MDX is not code'],
      [5, 'markdown', '/images/b.png', 'A chart [with brackets] in its alt'],
      [7, 'markdown', '/images/chart.png', 'Reference style'],
      [13, 'Figure', '/images/nested.png', 'Inside another component'],
    ]);
  });
  it('finds nothing in a body the MDX parser cannot read (the safety check reports that, with its line)', () => {
    expect(findBodyImages('<Figure src="/images/a.png" alt="Never closed"\n\nText.')).toEqual([]);
  });
  it('notes attributes written as expressions, which cannot be checked', () => {
    expect(findBodyImages('<Figure src={picture} alt="A" />')[0]).toMatchObject({ props: { alt: 'A' }, expressions: ['src'] });
  });
});

describe('checking the images in an entry', () => {
  const root = mkdtempSync(join(tmpdir(), 'sg-images-'));
  mkdirSync(join(root, 'public/images/team'), { recursive: true });
  mkdirSync(join(root, 'content/pages'), { recursive: true });
  writeFileSync(join(root, 'public/images/chart.png'), 'not checked here');
  writeFileSync(join(root, 'public/images/team/photo.jpg'), 'not checked here');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const entry = (body: string) => ({ file: 'content/pages/a.mdx', body, bodyLine: 6 });

  it('accepts images in the media library with alternative text', () => {
    expect(mediaFile(root, '/images/team/photo.jpg')).toBe(join(root, 'public/images/team/photo.jpg'));
    expect(
      checkBodyImages(
        entry('<Figure src="/images/chart.png" alt="Referrals rose in 2025" />\n\n![The team](/images/team/photo.jpg)'),
        root,
      ),
    ).toEqual([]);
  });

  it('names file, line and attribute for each problem, with what to do', () => {
    const body = [
      '![](/images/chart.png)',
      '<Figure src="/images/missing.png" alt="Something" />',
      '<Figure src="https://example.org/a.png" alt="Remote" />',
      '<img src="/images/chart.png" alt="HTML" />',
      '<Figure src={chart} alt="Expression" />',
    ].join('\n');
    const problems = checkBodyImages(entry(body), root);
    expect(problems).toEqual([
      { file: 'content/pages/a.mdx', field: 'image on line 6: alt', message: 'must not be empty; expected text' },
      {
        file: 'content/pages/a.mdx',
        field: '<Figure> on line 7: src',
        message:
          'names "/images/missing.png", but there is no such file in public/images/. Upload it to the media library, or correct the name.',
      },
      expect.objectContaining({
        field: '<Figure> on line 8: src',
        message: expect.stringMatching(/^is "https:\/\/example.org\/a.png"; expected an image in the media library, as \/images\/name.png/),
      }),
      expect.objectContaining({
        field: '<img> on line 9',
        message: expect.stringMatching(/^is an HTML image, which the site cannot resize or convert/),
      }),
      expect.objectContaining({
        field: '<Figure> on line 10: src',
        message: expect.stringMatching(/^is written in \{braces\}; write it as text in quotes/),
      }),
    ]);
  });

  it("is part of every entry's check, so a bad image stops the build", () => {
    const absolutePath = join(root, 'content/pages/a.mdx');
    const problems = checkRawEntry({
      collection: 'pages',
      file: 'content/pages/a.mdx',
      absolutePath,
      data: { title: 'A', description: 'B' },
      body: 'Text\n\n![](/images/chart.png)\n',
      bodyLine: 5,
    });
    expect(problems).toEqual([{ file: 'content/pages/a.mdx', field: 'image on line 7: alt', message: 'must not be empty; expected text' }]);
  });
});

describe('responsive versions', () => {
  it('makes widths up to the original, never wider', () => {
    expect(imageWidths(1600)).toEqual([320, 480, 640, 960, 1280]);
    expect(imageWidths(900)).toEqual([320, 480, 640, 900]);
    expect(imageWidths(200)).toEqual([200]);
    expect(imageWidths(640)).toEqual([320, 480, 640]);
  });
  it('offers AVIF and WebP, and says how wide the image shows', () => {
    expect(CONTENT_IMAGE_FORMATS).toEqual(['avif', 'webp']);
    expect(CONTENT_IMAGE_SIZES).toMatch(/100vw/);
  });
  it("encodes AVIF with settings that keep it smaller than WebP for the media library's real image", async () => {
    const src = join(MEDIA.folder, 'partnership-structure.png');
    const resized = () => sharp(src).resize({ width: 960, withoutEnlargement: true });
    const avif = await resized()
      .avif({ ...CONTENT_IMAGE_ENCODING.avif })
      .toBuffer();
    const webp = await resized().webp().toBuffer();
    expect(avif.length).toBeLessThan(webp.length * 0.8);
  });
});
