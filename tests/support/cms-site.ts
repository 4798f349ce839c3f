/**
 * A project copy's site with its CMS, as `npm start` configures them: the
 * site built with /admin/ pointing at the local backend on a free port (in
 * `mode`: fs, or git for the editorial workflow), served on 127.0.0.1, and
 * the guarded decap-server answering only to it. `env` adds to the build's
 * environment (SITE_NOW, say: then config.yml's filters and the previews
 * take that day as today).
 */
import { join } from 'node:path';
import { localBackendUrl } from '../../src/lib/cms-config';
import { buildSite } from './build-site';
import { startCmsBackend, type RunningBackend } from './cms-backend';
import { freePort } from './ports';
import { serveDirectory, type RunningServer } from './static-server';

export interface CmsSite { site: RunningServer; backend: RunningBackend }

export async function startCmsSite(root: string, mode: 'fs' | 'git' = 'fs', extraEnv: Record<string, string> = {}): Promise<CmsSite> {
  const port = await freePort();
  const env: Record<string, string> = { ...extraEnv, ASTRO_CACHE_DIR: join(root, '.cache'), CMS_LOCAL_BACKEND_URL: localBackendUrl(port) };
  if (mode === 'git') env.CMS_MODE = 'git';
  const build = buildSite({ root, outDir: join(root, 'dist'), env });
  if (build.status !== 0) throw new Error(`The copy did not build:\n${build.output.slice(-4000)}`);
  const site = await serveDirectory(join(root, 'dist'));
  try {
    return { site, backend: await startCmsBackend({ root, siteOrigin: site.url, port, mode }) };
  } catch (error) {
    await site.close();
    throw error;
  }
}
