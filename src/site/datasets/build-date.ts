/**
 * The one value in the downloads that may differ between two builds of the
 * same data. It appears only in datapackage.json (`created`), in the `meta`
 * of reports.json and on the downloads page (citation).
 *
 * Reproducible builds set SOURCE_DATE_EPOCH (seconds since 1970-01-01 UTC, see
 * https://reproducible-builds.org/specs/source-date-epoch/); otherwise the
 * current time is used. The time is kept to whole seconds, in UTC.
 */

export interface BuildDate {
  /** ISO 8601 date-time in UTC, e.g. 2024-03-01T08:00:00Z */
  timestamp: string;
  /** The calendar date (UTC), e.g. 2024-03-01 */
  date: string;
}

export function buildDateFrom(instant: Date): BuildDate {
  if (Number.isNaN(instant.getTime())) throw new Error("build date: invalid date");
  const timestamp = instant.toISOString().replace(/\.\d{3}Z$/, "Z");
  return { timestamp, date: timestamp.slice(0, 10) };
}

export function resolveBuildDate(
  env: Record<string, string | undefined> = process.env,
  now: () => Date = () => new Date(),
): BuildDate {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch === undefined || epoch === "") return buildDateFrom(now());
  if (!/^\d+$/.test(epoch)) {
    throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, got "${epoch}"`);
  }
  return buildDateFrom(new Date(Number(epoch) * 1000));
}
