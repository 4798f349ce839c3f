/**
 * Waiting on a real condition, for what Playwright's locators cannot wait
 * for themselves (a file on disk, a Git branch, the editor's own model): the
 * condition is asked again until it holds, and the wait fails with what it
 * waited for. Never a pause in place of a condition.
 */
export async function waitFor<T>(
  what: string,
  test: () => T | undefined | false | Promise<T | undefined | false>,
  seconds = 30,
): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const result = await test();
    if (result) return result;
    if (Date.now() > until) throw new Error(`Waited ${seconds} s for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
