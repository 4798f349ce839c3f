/**
 * Drawing share images on every core while the site builds: a pool of worker
 * threads (src/share-images/worker.ts), one per core (at most
 * MAX_WORKERS), started when the first image that is not in the cache is
 * asked for. The build's integration hands it every entry page's image at
 * the start of the build (predicted, src/share-images/prediction.ts) and
 * each image a page registers as it is generated, so drawing overlaps
 * Astro's own work, and `finish` waits for the rest. Each worker lowers its
 * own thread's priority to WORKER_NICENESS, so it uses what Astro's main
 * thread leaves spare instead of taking a core from it.
 *
 * `draw` never throws (a page being generated is no place to fail): what
 * went wrong is kept and `finish` throws it, naming each image's title and
 * page. `finish` always ends the workers, so they never keep the process alive.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ShareImageContent } from './share-image.ts';
import { cachedImageFile, type ShareFonts } from './render.ts';
import type { DrawAnswer, DrawRequest, WorkerOptions } from './worker.ts';

/** More workers than this gain nothing on the build machines and cost memory (each holds satori, sharp and the fonts). */
export const MAX_WORKERS = 4;

/** How much nicer than the build each worker thread makes itself (0 to 19; more yields more to the build's main thread). */
export const WORKER_NICENESS = 10;

/** Workers for this machine: one per core the process may use, at least one, at most MAX_WORKERS. */
export function poolSize(cores: number = availableParallelism(), max: number = MAX_WORKERS): number {
  return Math.max(1, Math.min(max, Math.floor(cores)));
}

export interface PoolReport {
  /** Cache files, by image key. */
  files: Map<string, string>;
  rendered: number;
  reused: number;
  /** Workers started (0 when every image came from the cache). */
  workers: number;
  /** From the first image sent to a worker to the last one drawn (0 when none was drawn). */
  milliseconds: number;
  /** Time the workers spent per image drawn (satori, raster, PNG, write). */
  millisecondsPerImage: number;
  /** The niceness each worker that drew reported for its thread (none where it could not be lowered). */
  workerNiceness: number[];
}

interface Task {
  key: string;
  content: ShareImageContent;
  file: string;
  page?: string;
}

export interface ShareImagePool {
  /** Makes sure the image will be in the cache: nothing if it is, drawn by a worker if not. Asking twice draws once. */
  draw(key: string, content: ShareImageContent, page?: string): void;
  /** Waits for every image asked for, ends the workers; throws if any could not be drawn. */
  finish(): Promise<PoolReport>;
}

/** `size`: workers (poolSize() when left out); `niceness`: how many steps nicer than the build each worker makes its thread (WORKER_NICENESS). */
export function createShareImagePool(options: {
  root: string;
  cacheDir: string;
  fonts: ShareFonts;
  size?: number;
  niceness?: number;
}): ShareImagePool {
  const size = options.size ?? poolSize();
  const niceness = options.niceness ?? WORKER_NICENESS;
  const report: PoolReport = {
    files: new Map(),
    rendered: 0,
    reused: 0,
    workers: 0,
    milliseconds: 0,
    millisecondsPerImage: 0,
    workerNiceness: [],
  };
  const workerNiceness = new Map<Worker, number>();
  const queue: Task[] = [];
  const idle: Worker[] = [];
  const workers: Worker[] = [];
  /** What each busy worker is drawing. */
  const running = new Map<Worker, Task>();
  const failures: string[] = [];
  let workerTime = 0;
  let started = 0;
  let settled: (() => void) | undefined;
  mkdirSync(options.cacheDir, { recursive: true });

  const describe = (task: Task) => `"${task.content.title}" (${task.content.contentType}${task.page ? `, page ${task.page}` : ''})`;
  const done = () => queue.length === 0 && running.size === 0;

  function dispatch(): void {
    while (queue.length > 0 && (idle.length > 0 || workers.length < size)) {
      const worker = idle.pop() ?? startWorker();
      const task = queue.shift()!;
      running.set(worker, task);
      worker.ref();
      worker.postMessage({ content: task.content, file: task.file } satisfies DrawRequest);
    }
    if (done()) settled?.();
  }

  function startWorker(): Worker {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      workerData: { root: options.root, niceness } satisfies WorkerOptions,
    });
    workers.push(worker);
    report.workers = workers.length;
    worker.on('message', (answer: DrawAnswer) => {
      const task = running.get(worker)!;
      running.delete(worker);
      if (answer.niceness !== undefined) workerNiceness.set(worker, answer.niceness);
      if ('error' in answer) failures.push(`${describe(task)}: ${answer.error}`);
      else {
        report.rendered += 1;
        workerTime += answer.milliseconds;
        report.milliseconds = performance.now() - started;
      }
      // An idle worker does not keep the process alive (if the build fails before the end, it can still exit).
      worker.unref();
      idle.push(worker);
      dispatch();
    });
    // A worker that dies (it could not load, or ran out of memory) fails what it was drawing and what is still to draw.
    worker.on('error', (error) => {
      const lost = [running.get(worker), ...queue.splice(0)].filter((task) => task !== undefined);
      running.delete(worker);
      if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
      for (const task of lost) failures.push(`${describe(task)}: a drawing worker stopped: ${error.stack ?? error.message}`);
      if (done()) settled?.();
    });
    return worker;
  }

  return {
    draw(key, content, page) {
      if (report.files.has(key)) return;
      const file = cachedImageFile(options.cacheDir, content, options.fonts);
      report.files.set(key, file);
      if (existsSync(file)) {
        report.reused += 1;
        return;
      }
      if (started === 0) started = performance.now();
      queue.push({ key, content, file, page });
      dispatch();
    },
    async finish() {
      try {
        if (!done())
          await new Promise<void>((resolve) => {
            settled = resolve;
          });
      } finally {
        await Promise.all(workers.map((worker) => worker.terminate()));
      }
      if (failures.length > 0) throw new Error(`Share images: ${failures.length} could not be drawn:\n${failures.join('\n')}`);
      report.millisecondsPerImage = report.rendered > 0 ? workerTime / report.rendered : 0;
      report.workerNiceness = [...workerNiceness.values()];
      return report;
    },
  };
}
