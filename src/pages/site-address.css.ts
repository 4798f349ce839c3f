// The site's address for the print stylesheet's link addresses (src/site/print.ts).
import type { APIRoute } from 'astro';
import { siteAddressCss } from '../site/print';

export const GET: APIRoute = ({ site }) =>
  new Response(siteAddressCss(site!.href), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
