// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";

/**
 * Canonical URLs, Open Graph URLs, the sitemap and the citations need to know
 * where the site is published: set SITE_URL at build time, e.g.
 *   SITE_URL=https://data.example.gov.cn npm run build
 * Without it the build guesses no address: links stay relative, pages carry
 * no canonical or og:url, robots.txt names no sitemap and the sitemap is
 * empty, citations give the page's path (completed in the browser).
 */
const site = siteUrl(process.env.SITE_URL);

/**
 * The configured address, checked: an absolute http(s) URL, or none at all.
 * @param {string | undefined} value
 * @returns {string | undefined}
 */
function siteUrl(value) {
  const text = value?.trim();
  if (!text) return undefined;
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) URL, got "${text}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`SITE_URL must be an absolute http(s) URL, got "${text}"`);
  return url.href;
}

export default defineConfig({
  site,
  trailingSlash: "always",
  // The Content-Security-Policy (src/site/content-security-policy.ts) allows no
  // inline script or style, so Astro must always emit them as files: by default it
  // inlines stylesheets and scripts below 4 KB.
  build: { format: "directory", inlineStylesheets: "never" },
  vite: { build: { assetsInlineLimit: 0 } },
  // Only the About page is MDX. Reports are rendered by our own unified pipeline
  // inside the content loader (see src/content.config.ts) to keep memory flat.
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
