// Decap CMS's configuration, made from the content model at build time (src/cms/config.ts).
import type { APIRoute } from 'astro';
import { cmsConfigYaml } from '../../cms/config';
import { currentCmsConfig } from '../../cms/env';

export const GET: APIRoute = ({ url }) =>
  new Response(cmsConfigYaml(currentCmsConfig(import.meta.env.DEV, url)), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
