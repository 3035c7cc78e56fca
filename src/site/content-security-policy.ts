/**
 * The Content-Security-Policy of every page, sent as <meta http-equiv> in
 * BaseLayout because a static host sends no headers of ours. It is the second
 * wall behind escaping: even if some report text did become markup, the
 * browser would run no inline script or event handler and load no foreign script.
 *
 * - script-src: only the site's own files. No 'unsafe-inline': the site has no
 *   inline scripts (Astro is told never to inline them, see astro.config.mjs)
 *   and no inline event handlers. 'wasm-unsafe-eval' lets Pagefind compile its
 *   WebAssembly search engine on the page, which it does when its web worker
 *   cannot start (the worker, a file of its own, is not under the page's
 *   policy); it allows no JavaScript eval.
 * - style-src: only the site's stylesheets. Astro is told never to inline CSS
 *   and no template writes a style attribute; Chart.js sizes its canvas
 *   through element.style, which a policy does not restrict.
 * - img-src adds data: for images written as data URLs; object-src 'none' bans
 *   plugins; base-uri and form-action keep links and forms on this site.
 * A <meta> policy cannot carry frame-ancestors or report-uri; a host that can
 * send headers should add `frame-ancestors 'none'` there.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
  .join("; ");
