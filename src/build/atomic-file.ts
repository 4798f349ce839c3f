/**
 * Writing a file so that nobody ever reads half of it: the data goes to a
 * new file beside it, which is then renamed over it (a rename within a
 * folder is atomic). Used where another process may read the file at the
 * same moment: the search index reads built pages while the build adds
 * hashes to some of them, and builds sharing a cache read its images.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

export function writeFileAtomically(file: string, data: string | Buffer): void {
  const temporary = `${file}.${process.pid}.${threadId}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
