/**
 * Which sources make up one report, and which of them is published.
 *
 * Sources that convert to the same id are one report:
 * - byte-identical files (same sha256) are one version; it is recorded under
 *   the first file name, and the others are its copies;
 * - different contents are versions of the report (a corrected re-issue). The
 *   newest is published: the later publication date (`publishedOn`); with no
 *   date, or the same date, the later file name. A version without a date
 *   counts as older than any dated one.
 *
 * Pure functions: nothing here reads files, so the result depends only on the
 * ids, hashes, dates and names given, never on their order.
 */
import { parseReport, type Diagnostic, type FigureChange, type Report, type ReportVersion, type Statistic } from "../../schema/report.ts";
import { PUBLISH_WARNINGS } from "./warnings.ts";

/** What grouping needs to know about one converted source. */
export interface SourceIdentity {
  id: string;
  sha256: string;
  publishedOn: string | null;
  file: string;
}

export interface SourceVersion<T extends SourceIdentity> {
  sha256: string;
  publishedOn: string | null;
  /** The file this version is recorded under: the first name among its copies. */
  file: string;
  /** Every source with these bytes, `file`'s first. */
  sources: T[];
}

export interface SourceGroup<T extends SourceIdentity> {
  id: string;
  /** Oldest first; the last one is published. */
  versions: SourceVersion<T>[];
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function olderFirst(a: SourceVersion<SourceIdentity>, b: SourceVersion<SourceIdentity>): number {
  return byName(a.publishedOn ?? "", b.publishedOn ?? "") || byName(a.file, b.file);
}

/** Group sources by report id (groups sorted by id). */
export function groupById<T extends SourceIdentity>(sources: T[]): SourceGroup<T>[] {
  const byId = new Map<string, Map<string, T[]>>();
  for (const source of sources) {
    const contents = byId.get(source.id) ?? new Map<string, T[]>();
    byId.set(source.id, contents);
    contents.set(source.sha256, [...(contents.get(source.sha256) ?? []), source]);
  }
  return [...byId.keys()].sort(byName).map((id) => {
    const versions = [...byId.get(id)!.values()].map((copies): SourceVersion<T> => {
      const sorted = [...copies].sort((a, b) => byName(a.file, b.file));
      return { sha256: sorted[0]!.sha256, publishedOn: sorted[0]!.publishedOn, file: sorted[0]!.file, sources: sorted };
    });
    return { id, versions: versions.sort(olderFirst) };
  });
}

export function publishedVersion<T extends SourceIdentity>(group: SourceGroup<T>): SourceVersion<T> {
  return group.versions[group.versions.length - 1]!;
}

/** True when the report has one source only: what it publishes is exactly that source's conversion. */
export function isSingleSource(group: SourceGroup<SourceIdentity>): boolean {
  return group.versions.length === 1 && group.versions[0]!.sources.length === 1;
}

/**
 * The figures `version` gives differently from `published`, in the published
 * report's order, then the version's own indicators. An indicator one of them
 * lacks counts as null.
 */
export function figureChanges(published: Statistic[], version: Statistic[]): FigureChange[] {
  const value = (list: Statistic[]) => new Map(list.map((s) => [s.indicator, s.value]));
  const ours = value(published);
  const theirs = value(version);
  const indicators = [...new Set([...published.map((s) => s.indicator), ...version.map((s) => s.indicator)])];
  return indicators.flatMap((indicator) => {
    const a = ours.get(indicator) ?? null;
    const b = theirs.get(indicator) ?? null;
    return a === b ? [] : [{ indicator, published: a, version: b }];
  });
}

function copiesWarning(version: SourceVersion<SourceIdentity>): Diagnostic {
  const copies = version.sources.slice(1).map((s) => s.file);
  return PUBLISH_WARNINGS.warn(
    "identical_copies",
    null,
    `${version.file} 有字节相同的副本：${copies.join("、")}，只发布一份 / byte-identical copies of ${version.file}: ${copies.join(", ")}; published once`,
  );
}

function versionsWarning(published: SourceVersion<SourceIdentity>, earlier: { file: string; changes: number }[]): Diagnostic {
  const zh = earlier.map((v) => `${v.file}（${v.changes} 项数字不同）`).join("、");
  const en = earlier.map((v) => `${v.file} (${v.changes === 1 ? "1 figure differs" : `${v.changes} figures differ`})`).join(", ");
  return PUBLISH_WARNINGS.warn(
    "several_versions",
    null,
    `本报告有 ${earlier.length + 1} 个版本，发布最新的 ${published.file}；较早的版本：${zh} / ${earlier.length + 1} versions of this report; the newest, ${published.file}, is published; earlier: ${en}`,
  );
}

/**
 * The report to publish for a group: the newest version's own conversion with
 * `versions` filled in (when there are several) and a warning naming the
 * copies and the earlier versions. `reports` holds each version's conversion
 * by sha256.
 */
export function composePublished(group: SourceGroup<SourceIdentity>, reports: ReadonlyMap<string, Report>): Report {
  const published = publishedVersion(group);
  const current = reports.get(published.sha256);
  if (!current) throw new Error(`${group.id}: the conversion of ${published.file} is missing`);
  const changes = new Map(
    group.versions.map((v) => {
      const report = reports.get(v.sha256);
      if (!report) throw new Error(`${group.id}: the conversion of ${v.file} is missing`);
      return [v.sha256, v === published ? [] : figureChanges(current.statistics, report.statistics)];
    }),
  );
  const versions: ReportVersion[] =
    group.versions.length > 1
      ? group.versions.map((v) => ({ file: v.file, sha256: v.sha256, publishedOn: v.publishedOn, current: v === published, changes: changes.get(v.sha256)! }))
      : [];
  const warnings = group.versions.filter((v) => v.sources.length > 1).map(copiesWarning);
  if (group.versions.length > 1) {
    warnings.push(versionsWarning(published, group.versions.slice(0, -1).map((v) => ({ file: v.file, changes: changes.get(v.sha256)!.length }))));
  }
  return parseReport({ ...current, diagnostics: [...current.diagnostics, ...warnings], versions }, `${group.id} (${published.file})`);
}
