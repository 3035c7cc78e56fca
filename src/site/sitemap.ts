/** sitemap.xml text for a list of site paths (sorted, deduplicated, XML-escaped). */
export function sitemapXml(site: URL, pathnames: readonly string[]): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const urls = [...new Set(pathnames)].sort().map((p) => `  <url><loc>${escape(new URL(p, site).href)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}
