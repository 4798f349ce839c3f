/**
 * Global setup for the browser tests: build the site as it is today (unless
 * SKIP_BUILD=1 and dist/ exists), then serve dist/ on 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../tools/build-site';
import { serveDirectory } from '../../tools/static-server';
import { siteDist } from '../../tools/built-pages';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    buildSeconds: number;
  }
}

export default async function setup(project: TestProject) {
  let seconds = 0;
  const outDir = siteDist();
  if (!(process.env.SKIP_BUILD === '1' && existsSync(`${outDir}/index.html`))) {
    const build = buildSite({ outDir });
    if (build.status !== 0) throw new Error(`The site did not build:\n${build.output.slice(-6000)}`);
    seconds = build.seconds;
    console.log(`Site built in ${seconds.toFixed(1)} s`);
  }
  const server = await serveDirectory(outDir);
  project.provide('siteUrl', server.url);
  project.provide('buildSeconds', seconds);
  return async () => server.close();
}
