/**
 * The CMS bundle (src/cms/bundle.ts) in the site: copied into /admin/
 * after a build, and served at /admin/ by the dev server. It is only built
 * again when its inputs change, so a site build normally just copies it.
 */
import { copyFileSync, createReadStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ensureCmsBundle, type CmsBundle } from '../cms/bundle';
import { isAdminPagePath } from '../cms/admin-page';
import { currentAdminPage } from '../cms/env';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

function describe(bundle: CmsBundle): string {
  const size = `${(bundle.bytes / 1024 / 1024).toFixed(1)} MB`;
  return bundle.built ? `CMS bundle built in ${bundle.seconds.toFixed(1)} s (${size})` : `CMS bundle unchanged, reused (${size})`;
}

export function cms(): AstroIntegration {
  let root = process.cwd();
  let pending: Promise<CmsBundle> | undefined;
  return {
    name: 'safeguarding-cms',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server, logger }) => {
        // The CMS's page, as the build writes it, without the dev server's client: saving content
        // (the content check's and Astro's reloads) reloads the site's pages, never an editor's CMS tab.
        server.middlewares.use((request, response, next) => {
          if (request.method !== 'GET' && request.method !== 'HEAD') return next();
          const path = new URL(request.url ?? '/', 'http://localhost').pathname;
          if (path === '/admin') {
            response.writeHead(301, { Location: '/admin/' });
            return response.end();
          }
          if (!isAdminPagePath(path)) return next();
          response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
          response.end(request.method === 'HEAD' ? undefined : currentAdminPage(true));
        });
        // Built (or found) on the first request for it, and checked again on each, so edits to cms/ show on reload.
        let pending: Promise<CmsBundle> | undefined;
        server.middlewares.use((request, response, next) => {
          const path = new URL(request.url ?? '/', 'http://localhost').pathname;
          const name = /^\/admin\/([\w.-]+\.(?:js|css|txt|wasm))$/.exec(path)?.[1];
          if (!name) return next();
          pending ??= ensureCmsBundle(root)
            .then((bundle) => {
              logger.info(describe(bundle));
              return bundle;
            })
            .finally(() => {
              pending = undefined;
            });
          pending.then(
            (bundle) => {
              if (!bundle.files.includes(name)) return next();
              response.setHeader('Content-Type', TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
              response.setHeader('Cache-Control', 'no-store');
              createReadStream(join(bundle.dir, name)).pipe(response);
            },
            (error: unknown) => {
              logger.error(`The CMS bundle did not build: ${error instanceof Error ? error.message : String(error)}`);
              next(error);
            },
          );
        });
      },
      // A cold build makes the bundle (esbuild, its own process) while Astro builds the pages, not after them.
      'astro:build:start': () => {
        pending = ensureCmsBundle(root);
        pending.catch(() => undefined); // Awaited (and reported) at the end of the build.
      },
      'astro:build:done': async ({ dir, logger }) => {
        const bundle = await (pending ?? ensureCmsBundle(root));
        pending = undefined;
        const admin = join(fileURLToPath(dir), 'admin');
        mkdirSync(admin, { recursive: true });
        for (const file of bundle.files) copyFileSync(join(bundle.dir, file), join(admin, file));
        logger.info(describe(bundle));
      },
    },
  };
}
