/**
 * How many times the collections' loaders have run in this process, so that
 * the dev server can tell a content reload that happened from one Astro
 * skipped: Astro's refreshContent() returns at once, doing nothing, while
 * its content configuration is (re)loading, and a busy computer makes that
 * window long enough for a fix to fall into it. The loaders (evaluated by
 * Vite) and the dev server's integration (loaded by Node) are different
 * module instances in one process, so the count lives on globalThis.
 */
const KEY = Symbol.for('safeguarding-southend.content-loads');

type WithCount = typeof globalThis & { [KEY]?: number };

/** A collection's loader has run (whether or not every file fitted). */
export function noteContentLoad(): void {
  const global = globalThis as WithCount;
  global[KEY] = (global[KEY] ?? 0) + 1;
}

export function contentLoadCount(): number {
  return (globalThis as WithCount)[KEY] ?? 0;
}

/**
 * Reads the content again with `refresh`, and again (after `wait`) while no
 * loader has run, up to `attempts` times. Resolves true once the loaders ran.
 */
export async function reloadUntilRead(refresh: () => Promise<void>, options: { loads?: () => number; wait?: () => Promise<void>; attempts?: number } = {}): Promise<boolean> {
  const loads = options.loads ?? contentLoadCount;
  const wait = options.wait ?? (() => new Promise<void>((done) => { setTimeout(done, 250); }));
  const attempts = options.attempts ?? 120;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const before = loads();
    await refresh();
    if (loads() !== before) return true;
    await wait();
  }
  return false;
}
