/** Names and texts used across the site chrome. */
export const SITE = {
  name: "政府信息公开年报数据",
  tagline: "把各地政府信息公开工作年度报告变成可比较、可下载、可检索的开放数据",
  /** Data and code licences, also stated on the About page. */
  dataLicense: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/deed.zh-hans" },
  codeLicense: { name: "MIT", url: "https://opensource.org/license/mit" },
} as const;

export const NAV = [
  { href: "/", label: "首页" },
  { href: "/reports/", label: "年报" },
  { href: "/indicators/", label: "指标" },
  { href: "/compare/", label: "对比" },
  { href: "/jurisdictions/", label: "地区" },
  { href: "/search/", label: "搜索" },
  { href: "/downloads/", label: "下载" },
  { href: "/about/", label: "关于" },
] as const;

/** The nav item a path belongs to (longest matching prefix). */
export function currentNav(pathname: string): string {
  const path = pathname.endsWith("/") ? pathname : `${pathname}/`;
  let best = "/";
  for (const item of NAV) if (item.href !== "/" && path.startsWith(item.href) && item.href.length > best.length) best = item.href;
  return path === "/" || best !== "/" ? best : "";
}

/**
 * The absolute URL of a site path, when the build knows the site's address
 * (SITE_URL, Astro's `site`); null without it, so no page states a guessed host.
 */
export function absoluteUrl(path: string, site: URL | string | undefined): string | null {
  return site === undefined ? null : new URL(path, site).href;
}

/** What a citation gives as the address of a path: the absolute URL, or the path itself (a script completes it in the browser). */
export function citedAddress(path: string, site: URL | string | undefined): { text: string; path: string | null } {
  const url = absoluteUrl(path, site);
  return url === null ? { text: path, path } : { text: url, path: null };
}
