/** Every file under a folder with a hash of its bytes: two fingerprints are equal when the folder is unchanged. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export function folderFingerprint(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const item of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!item.isFile()) continue;
    const path = join(item.parentPath, item.name);
    files[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}
