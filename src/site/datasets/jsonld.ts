/**
 * schema.org `Dataset` description of the downloads, for the downloads page's
 * JSON-LD (search engines and dataset catalogues read it).
 */
import { jsonForScript } from "../json-script.ts";
import { DATASET_TITLE, LICENSE, coverage, downloadPath, type DownloadBundle } from "./index.ts";

const ENCODING: Record<string, string> = { CSV: "text/csv", JSON: "application/json" };

/**
 * `siteUrl` is the site's absolute base (Astro.site): every URL in the result
 * is then absolute. Without it (no SITE_URL at build time) the URLs are paths
 * on this site, never a guessed host.
 */
export function datasetJsonLd(bundle: DownloadBundle, siteUrl: URL | string | undefined, description: string) {
  const url = (path: string) => (siteUrl === undefined ? path : new URL(path, siteUrl).href);
  const { years, provinces } = coverage(bundle.reports);
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    name: DATASET_TITLE,
    description,
    url: url("/downloads/"),
    inLanguage: "zh-CN",
    isAccessibleForFree: true,
    license: LICENSE.path,
    keywords: ["政府信息公开", "政府信息公开工作年度报告", "政务公开", "依申请公开"],
    dateModified: bundle.buildDate.date,
    ...(years ? { temporalCoverage: years[0] === years[1] ? String(years[0]) : `${years[0]}/${years[1]}` } : {}),
    spatialCoverage: provinces.map((name) => ({ "@type": "Place", name })),
    variableMeasured: bundle.perIndicator.map((i) => ({ "@type": "PropertyValue", name: i.id, description: i.label, unitText: i.unit })),
    distribution: bundle.main.map((file) => ({
      "@type": "DataDownload",
      name: file.title,
      contentUrl: url(downloadPath(file.path)),
      encodingFormat: ENCODING[file.format],
      contentSize: `${file.content().bytes} B`,
    })),
  };
}

/** JSON for a <script type="application/ld+json">, escaped so no text can close the script element. */
export function jsonLdScript(value: unknown): string {
  return jsonForScript(value);
}
