/** Number and date formatting for a Chinese reader; one place so every page agrees. */
const integer = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 4 });

export const NOT_REPORTED = "未报告";

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return NOT_REPORTED;
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}

/** 2018-01-22 → 2018年1月22日 */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Change between two values as text, e.g. +12（+3.4%）; null when either is missing. */
export function formatChange(previous: number | null, current: number | null): string | null {
  if (previous === null || current === null) return null;
  const diff = current - previous;
  const sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
  const abs = formatNumber(Math.abs(diff));
  if (previous === 0) return `${sign}${abs}`;
  const pct = (diff / Math.abs(previous)) * 100;
  return `${sign}${abs}（${pct > 0 ? "+" : pct < 0 ? "−" : "±"}${Math.abs(pct).toFixed(1)}%）`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
