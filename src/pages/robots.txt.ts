// robots.txt: the CMS is kept out; the sitemap is named with the site's address.
import type { APIRoute } from 'astro';
import { robotsTxt } from '../site/feeds';
import { SITE_URL } from '../site/site-address';

export const GET: APIRoute = () => new Response(robotsTxt(SITE_URL), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
