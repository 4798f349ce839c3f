/**
 * Work an integration starts at the end of a build and leaves running while
 * the integrations after it do theirs: Astro runs the `astro:build:done`
 * hooks one after another, so without this the search index (Pagefind, in
 * its own process) would keep the build waiting while nothing else ran. The
 * last integration (src/integrations/build-tasks.ts) waits for every task:
 * the build ends only when all are done, and fails, naming each, if any
 * failed.
 *
 * A task names the top-level entries of the built site it will write
 * (`writes`, folders ending in "/"), so that an integration that describes
 * the whole site while the task still runs (the host's security headers)
 * covers them too, whichever finishes first.
 */
export interface BuildTask {
  name: string;
  done: Promise<void>;
  writes: readonly string[];
}

const running: BuildTask[] = [];

/** Lets `work` run on; its failure is kept for finishBuildTasks. `writes`: the top-level entries it will add to the built site. */
export function startBuildTask(name: string, work: Promise<void>, writes: readonly string[] = []): void {
  work.catch(() => undefined); // Reported by finishBuildTasks, never as an unhandled rejection.
  running.push({ name, done: work, writes });
}

/** The top-level entries that tasks still running (or finished, not yet waited for) will have written. */
export function entriesOfBuildTasks(): string[] {
  return [...new Set(running.flatMap((task) => task.writes))];
}

/** Waits for every task started; throws one error naming each that failed. */
export async function finishBuildTasks(): Promise<string[]> {
  const tasks = running.splice(0);
  const results = await Promise.allSettled(tasks.map((task) => task.done));
  const failed = results.flatMap((result, index) =>
    result.status === 'rejected'
      ? [`${tasks[index]!.name}: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`]
      : [],
  );
  if (failed.length > 0) throw new Error(failed.join('\n'));
  return tasks.map((task) => task.name);
}
