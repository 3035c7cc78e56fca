/** robots.txt: everything may be crawled; the sitemap is named only when the site's address is configured (SITE_URL). */
import type { APIRoute } from "astro";
import { robotsTxt } from "../site/sitemap.ts";

export const GET: APIRoute = ({ site }) => new Response(robotsTxt(site), { headers: { "Content-Type": "text/plain; charset=utf-8" } });
