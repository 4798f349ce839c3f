// Decap CMS's configuration, made from the content model at build time (src/lib/cms-config.ts).
import type { APIRoute } from 'astro';
import { cmsConfigYaml } from '../../lib/cms-config';
import { currentCmsConfig } from '../../lib/cms-env';

export const GET: APIRoute = ({ url }) =>
  new Response(cmsConfigYaml(currentCmsConfig(import.meta.env.DEV, url)), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
