/**
 * A copy of the project in a temporary folder (node_modules linked, not
 * copied), so a test can add or change content and build without touching
 * the real content/.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const COPIED = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public', 'cms'];

export interface ProjectCopy {
  root: string;
  remove: () => void;
}

export function copyProject(prefix = 'sg-project-'): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const item of COPIED) {
    try {
      cpSync(resolve(item), join(root, item), { recursive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
