/**
 * A worker thread of the share-image pool (src/share-images/pool.ts):
 * lowers its own priority (src/share-images/thread-priority.ts), so the build's main
 * thread keeps a core, loads the fonts once, then draws each image it is sent
 * into its cache file and answers with the time it took, or with the error.
 *
 * Worker threads run plain Node, not Vite: this file and everything it
 * imports from the project use only erasable TypeScript and import with
 * explicit `.ts` extensions, so Node's type stripping runs them as they are.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { drawShareImageFile, loadShareFonts } from './render.ts';
import type { ShareImageContent } from './share-image.ts';
import { lowerThreadPriority } from './thread-priority.ts';

export interface DrawRequest {
  content: ShareImageContent;
  file: string;
}
/** `niceness`: what this thread runs at, when it could be lowered. */
export type DrawAnswer = ({ milliseconds: number } | { error: string }) & { niceness?: number };
/** `niceness`: how many steps nicer than the build this thread makes itself (src/share-images/thread-priority.ts). */
export interface WorkerOptions {
  root: string;
  niceness: number;
}

const options = workerData as WorkerOptions;
const lowered = lowerThreadPriority(options.niceness);

// One image at a time per thread, and sharp's own threads kept to one: the pool gives each core one worker.
sharp.concurrency(1);
const fonts = loadShareFonts(options.root);

parentPort!.on('message', async (request: DrawRequest) => {
  let answer: DrawAnswer;
  try {
    answer = { milliseconds: await drawShareImageFile(request.content, fonts, request.file) };
  } catch (error) {
    answer = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage({ ...answer, niceness: lowered?.niceness } satisfies DrawAnswer);
});
