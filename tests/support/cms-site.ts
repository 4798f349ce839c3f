/**
 * A project copy's CMS, as `npm start` configures it: /admin/ pointing at the
 * local backend on a free port (in `mode`: fs, or git for the editorial
 * workflow), served on 127.0.0.1, and the guarded decap-server answering
 * only to it. `env` adds to the environment the CMS is made in (SITE_NOW,
 * say: then config.yml's filters and the previews take that day as today).
 *
 * Only what the CMS loads is served: /admin/ (the page and config.yml, from
 * the same functions the build's pages call, src/cms/env.ts, and the
 * cached CMS bundle, src/cms/bundle.ts) and public/ (the favicon, and
 * the images previews show). A CMS test that needs the site's pages builds
 * them itself, after its edits; building the whole site only to serve
 * /admin/ cost each CMS test file a full build.
 */
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cmsConfigYaml, localBackendUrl } from '../../src/cms/config';
import { adminPageFor, cmsConfigFor } from '../../src/cms/env';
import { ensureCmsBundle } from '../../src/cms/bundle';
import { startCmsBackend, type RunningBackend } from './cms-backend';
import { freePort } from './ports';
import { serveDirectory, type RunningServer } from '../../tools/static-server';

export interface CmsSite {
  site: RunningServer;
  backend: RunningBackend;
}

/** The files of /admin/ and public/, as a build of `root` under `env` has them, in `folder`. */
export async function writeCmsFiles(root: string, folder: string, env: Record<string, string | undefined>): Promise<void> {
  rmSync(folder, { recursive: true, force: true });
  cpSync(join(root, 'public'), folder, { recursive: true });
  const admin = join(folder, 'admin');
  mkdirSync(admin, { recursive: true });
  writeFileSync(join(admin, 'index.html'), adminPageFor(env, root, false));
  writeFileSync(join(admin, 'config.yml'), cmsConfigYaml(cmsConfigFor(env, root, false)));
  const bundle = await ensureCmsBundle(root);
  for (const file of bundle.files) copyFileSync(join(bundle.dir, file), join(admin, file));
}

export async function startCmsSite(root: string, mode: 'fs' | 'git' = 'fs', extraEnv: Record<string, string> = {}): Promise<CmsSite> {
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env, ...extraEnv, CMS_LOCAL_BACKEND_URL: localBackendUrl(port) };
  if (mode === 'git') env.CMS_MODE = 'git';
  // dist/: ignored by Git, as the editorial workflow's repository needs (tests that build write elsewhere).
  const folder = join(root, 'dist');
  await writeCmsFiles(root, folder, env);
  const site = await serveDirectory(folder);
  try {
    return { site, backend: await startCmsBackend({ root, siteOrigin: site.url, port, mode }) };
  } catch (error) {
    await site.close();
    throw error;
  }
}
