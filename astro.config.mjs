// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";

/**
 * Canonical URLs, Open Graph URLs and the sitemap are absolute, so the site
 * needs to know where it is published: set SITE_URL at build time, e.g.
 *   SITE_URL=https://data.example.gov.cn npm run build
 * Without it the default is the local preview address, which is right for
 * `npm run preview` and the browser tests and obviously wrong for publishing.
 */
const site = process.env.SITE_URL ?? "http://localhost:4321";

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
