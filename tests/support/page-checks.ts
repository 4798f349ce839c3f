/**
 * Checks axe-core cannot make, run in Chromium on a loaded page. Each returns
 * the problems it finds as sentences naming the element, so a failing test
 * says what to fix. tests/site/browser-checks.test.ts runs them on every
 * built page; tests/site/page-checks-fixtures.test.ts proves each one fails on
 * a crafted page with the problem.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/**
 * The WCAG 2.2 success criterion 1.4.12 text-spacing overrides, as the W3C's
 * text spacing bookmarklet applies them: line height 1.5, paragraph spacing
 * 2 times the font size, letter spacing 0.12 and word spacing 0.16 times it.
 */
export const TEXT_SPACING_CSS = `
*, *::before, *::after {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p { margin-bottom: 2em !important; }
`;

/**
 * The browser windows the checks use. 200% zoom: a 1280 by 900 window zoomed
 * to 200% lays pages out exactly as a 640 by 450 CSS pixel viewport with 2
 * device pixels per CSS pixel (media queries see 640 px, images choose their
 * 2x versions), which is what Chromium's page zoom does. CSS `zoom: 2` on the
 * root would not: media queries would still see 1280 px, so the layout would
 * just be cut off at the right, which no browser zoom does.
 */
export const VIEWPORTS = {
  reflow: { viewport: { width: 320, height: 640 } },
  desktop: { viewport: { width: 1280, height: 900 } },
  zoom200: { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 },
} satisfies Record<string, BrowserContextOptions>;

/** A new browser context for the checks. bypassCSP lets the text-spacing style in. */
export async function checkContext(browser: Browser, options: BrowserContextOptions) {
  return browser.newContext({ ...options, bypassCSP: true });
}

/** The page scrolls sideways: names the outermost elements that stick out. */
export async function horizontalScrollProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : '';
      const classes = [...element.classList]
        .slice(0, 2)
        .map((name) => `.${name}`)
        .join('');
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      return `<${element.tagName.toLowerCase()}${id}${classes}>${text ? ` "${text}"` : ''}`;
    };
    const root = document.documentElement;
    const width = root.clientWidth;
    const scrollWidth = Math.max(root.scrollWidth, document.body.scrollWidth);
    if (scrollWidth <= width) return [];
    const sticking: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue;
      const parent = element.parentElement;
      const parentBox = parent?.getBoundingClientRect();
      // Report only where the overflow starts: the parent still fits.
      if (parent && parent !== document.body && parentBox && parentBox.right > width + 1) continue;
      sticking.push(`${describe(element)} is ${Math.round(box.right)} px wide at its right edge`);
      if (sticking.length >= 5) break;
    }
    return [
      `the page scrolls sideways: it is ${scrollWidth} CSS px wide in a ${width} px window. ${sticking.join('; ') || 'No single element found'}`,
    ];
  });
}

/**
 * Text that is cut off: an element that hides its overflow (overflow hidden or
 * clip, or a fixed height that text spills out of) while its text is bigger
 * than its box. Visually hidden text (1 px boxes and clip) is left alone.
 */
export async function clippedTextProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : '';
      const classes = [...element.classList]
        .slice(0, 2)
        .map((name) => `.${name}`)
        .join('');
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      return `<${element.tagName.toLowerCase()}${id}${classes}> "${text}"`;
    };
    const hasOwnText = (element: Element) =>
      [...element.querySelectorAll('*'), element].some((node) =>
        [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() !== ''),
      );
    const problems: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (!(element instanceof HTMLElement)) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (element.clientWidth <= 1 || element.clientHeight <= 1) continue; // visually hidden
      if (style.getPropertyValue('clip') !== 'auto' || style.clipPath !== 'none') continue;
      if (!hasOwnText(element)) continue;
      const hidesX = style.overflowX === 'hidden' || style.overflowX === 'clip';
      const hidesY = style.overflowY === 'hidden' || style.overflowY === 'clip';
      const cutX = hidesX && element.scrollWidth > element.clientWidth + 1;
      const cutY = hidesY && element.scrollHeight > element.clientHeight + 1;
      // Text spilling out of a box with a fixed height overlaps what follows.
      const fixedHeight =
        style.overflowY === 'visible' &&
        style.height !== 'auto' &&
        /px$/.test(style.height) &&
        element.style.height === '' &&
        element.scrollHeight > element.clientHeight + 2 &&
        getComputedStyle(element).display !== 'inline' &&
        hasFixedHeightRule(element);
      if (cutX || cutY) {
        problems.push(
          `${describe(element)} cuts off its text (${element.scrollWidth}x${element.scrollHeight} px of content in a ${element.clientWidth}x${element.clientHeight} px box, overflow ${style.overflowX}/${style.overflowY})`,
        );
      } else if (fixedHeight) {
        problems.push(
          `${describe(element)} has a fixed height of ${style.height}, and its text (${element.scrollHeight} px tall) spills out over what follows`,
        );
      }
      if (problems.length >= 10) break;
    }
    return problems;

    /** True when a style rule, not the content, sets the element's height. */
    function hasFixedHeightRule(element: HTMLElement): boolean {
      const before = element.style.getPropertyValue('height');
      const priority = element.style.getPropertyPriority('height');
      const fixed = element.getBoundingClientRect().height;
      element.style.setProperty('height', 'auto', 'important');
      const natural = element.getBoundingClientRect().height;
      element.style.setProperty('height', before, priority);
      return natural > fixed + 2;
    }
  });
}

/** Adds the text-spacing overrides to the page and waits for the layout. */
export async function applyTextSpacing(page: Page): Promise<void> {
  await page.addStyleTag({ content: TEXT_SPACING_CSS });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** The <title> and the level 1 headings of a page. */
export async function titleAndHeadings(page: Page): Promise<{ title: string; h1: string[] }> {
  return page.evaluate(() => ({
    title: document.title.trim(),
    h1: [...document.querySelectorAll('h1')].map((heading) => (heading.textContent ?? '').replace(/\s+/g, ' ').trim()),
  }));
}

export function headingProblems(path: string, found: { title: string; h1: string[] }): string[] {
  const problems: string[] = [];
  if (!found.title) problems.push(`${path} has no <title>`);
  if (found.h1.length !== 1)
    problems.push(
      `${path} has ${found.h1.length} level 1 headings${found.h1.length ? ` (${found.h1.map((text) => `"${text}"`).join(', ')})` : ''}; a page needs exactly one`,
    );
  return problems;
}

/** Pages that share a title: a screen reader user cannot tell them apart. */
export function duplicateTitles(titles: ReadonlyMap<string, string>): string[] {
  const byTitle = new Map<string, string[]>();
  for (const [path, title] of titles) byTitle.set(title, [...(byTitle.get(title) ?? []), path]);
  return [...byTitle]
    .filter(([, paths]) => paths.length > 1)
    .map(([title, paths]) => `"${title}" is the title of ${paths.length} pages: ${paths.join(', ')}`);
}

interface FocusStep {
  id: string;
  label: string;
  changed: string[];
  visible: boolean;
  obscuredBy: string | null;
}

/**
 * Tabs through the whole page. For each element that gets focus, compares its
 * outline, box shadow, background, colour, border and underline with how the
 * same element looked before anything had focus. Fails an element whose look
 * does not change (no visible focus, WCAG 2.4.7), one that is hidden under
 * something else when focused (2.4.11), and a focusable element Tab never
 * reaches (2.1.1).
 */
export async function focusProblems(page: Page, maxTabs = 400): Promise<{ problems: string[]; reached: number }> {
  await page.evaluate(() => {
    const FOCUSABLE = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
    const look = (element: Element) => {
      const style = getComputedStyle(element);
      return {
        outline:
          style.outlineStyle === 'none' ||
          parseFloat(style.outlineWidth) === 0 ||
          /rgba\(\d+, \d+, \d+, 0\)|transparent/.test(style.outlineColor)
            ? 'none'
            : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        boxShadow: style.boxShadow,
        background: `${style.backgroundColor} ${style.backgroundImage}`,
        color: style.color,
        border: `${style.borderTopColor} ${style.borderRightColor} ${style.borderBottomColor} ${style.borderLeftColor} ${style.borderTopWidth} ${style.borderBottomWidth}`,
        underline: `${style.textDecorationLine} ${style.textDecorationThickness} ${style.textDecorationColor}`,
        visible: !(element.getBoundingClientRect().width <= 1 || style.getPropertyValue('clip') !== 'auto' || style.clipPath !== 'none'),
      };
    };
    (document.activeElement as HTMLElement | null)?.blur?.();
    const store: Record<string, ReturnType<typeof look>> = {};
    document.querySelectorAll(FOCUSABLE).forEach((element, index) => {
      element.setAttribute('data-focus-check', String(index));
      store[String(index)] = look(element);
    });
    (window as unknown as { __unfocused: typeof store; __look: typeof look }).__unfocused = store;
    (window as unknown as { __look: typeof look }).__look = look;
  });

  const steps: FocusStep[] = [];
  const seen = new Set<string>();
  for (let tab = 0; tab < maxTabs; tab += 1) {
    await page.keyboard.press('Tab');
    const step = await page.evaluate((): FocusStep | null => {
      const element = document.activeElement;
      if (!element || element === document.body || element === document.documentElement) return null;
      const w = window as unknown as {
        __unfocused: Record<string, Record<string, string | boolean>>;
        __look: (element: Element) => Record<string, string | boolean>;
      };
      const id = element.getAttribute('data-focus-check') ?? `new-${element.tagName}-${(element.textContent ?? '').trim().slice(0, 20)}`;
      const before = w.__unfocused[id];
      const now = w.__look(element);
      const changed = before
        ? Object.keys(now).filter((key) => key !== 'visible' && now[key] !== before[key] && !(key === 'outline' && now[key] === 'none'))
        : ['(not on the page before)'];
      if (before && before.visible === false && now.visible === true) changed.push('shown when focused');
      const text = (element.getAttribute('aria-label') ?? element.textContent ?? (element as HTMLInputElement).value ?? '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 50);
      const label = `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}>${text ? ` "${text}"` : ''}`;
      const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
      const visible = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
      let obscuredBy: string | null = null;
      if (visible) {
        const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
        const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
        const top = document.elementFromPoint(x, y);
        if (top && top !== element && !element.contains(top) && !top.contains(element)) {
          obscuredBy = `<${top.tagName.toLowerCase()}${top.id ? `#${top.id}` : ''}${[...top.classList]
            .slice(0, 1)
            .map((name) => `.${name}`)
            .join('')}>`;
        }
      }
      return { id, label, changed, visible, obscuredBy };
    });
    if (!step || seen.has(step.id)) break;
    seen.add(step.id);
    steps.push(step);
  }

  const problems: string[] = [];
  for (const step of steps) {
    if (step.changed.length === 0)
      problems.push(`${step.label} looks the same with and without keyboard focus: give it a visible focus style`);
    if (!step.visible) problems.push(`${step.label} gets keyboard focus but is not visible on the screen`);
    if (step.obscuredBy) problems.push(`${step.label} is hidden under ${step.obscuredBy} when it has focus`);
  }
  const unreached = await page.evaluate(
    (reachedIds) => {
      const out: string[] = [];
      for (const element of document.querySelectorAll('[data-focus-check]')) {
        if (reachedIds.includes(element.getAttribute('data-focus-check') ?? '')) continue;
        const html = element as HTMLElement;
        const style = getComputedStyle(html);
        const box = html.getBoundingClientRect();
        const disabled = (html as HTMLButtonElement).disabled === true || html.closest('[inert], [hidden], [aria-hidden="true"]') !== null;
        if (
          html.tabIndex < 0 ||
          disabled ||
          style.display === 'none' ||
          style.visibility === 'hidden' ||
          box.width === 0 ||
          box.height === 0
        )
          continue;
        if (html.closest('details:not([open])') && html.tagName !== 'SUMMARY') continue;
        out.push(
          `<${html.tagName.toLowerCase()}> "${(html.textContent ?? '').trim().slice(0, 50)}" can take focus but Tab never reaches it`,
        );
      }
      return out;
    },
    steps.map((step) => step.id),
  );
  return { problems: [...problems, ...unreached], reached: steps.length };
}

/**
 * With prefers-reduced-motion: reduce, nothing moves: no running CSS
 * animation or transition longer than a blink, and no smooth scrolling.
 */
export async function motionProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (!reduce) problems.push('the browser did not report prefers-reduced-motion: reduce');
    for (const animation of document.getAnimations()) {
      const timing = animation.effect?.getComputedTiming();
      const duration = Number(timing?.duration ?? 0);
      const target = (animation.effect as KeyframeEffect | null)?.target;
      if (duration > 200 || timing?.iterations === Infinity) {
        problems.push(
          `an animation (${(animation as CSSAnimation).animationName ?? animation.id ?? 'unnamed'}, ${duration} ms) runs on <${target?.tagName.toLowerCase() ?? '?'}> although the reader asked for reduced motion`,
        );
      }
    }
    for (const element of document.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      const longest = (value: string) =>
        Math.max(...value.split(',').map((part) => parseFloat(part) * (part.trim().endsWith('ms') ? 1 : 1000)));
      if (style.animationName !== 'none' && longest(style.animationDuration) > 200) {
        problems.push(
          `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}> has the animation ${style.animationName} (${style.animationDuration}) under reduced motion`,
        );
      }
      if (longest(style.transitionDuration) > 200) {
        problems.push(
          `<${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}> has a ${style.transitionDuration} transition under reduced motion`,
        );
      }
      if (problems.length > 10) break;
    }
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth')
      problems.push('the page scrolls smoothly (scroll-behavior: smooth) under reduced motion');
    return problems;
  });
}
