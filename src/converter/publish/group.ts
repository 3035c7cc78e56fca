/**
 * Which sources make up one report, and which of them is published.
 *
 * Sources that convert to the same id are one report:
 * - files of different forms (the saved page and its text, a PDF and its
 *   extracted text) are one report in several forms: the richest form is
 *   read (a page or a PDF holds the real cells, text may have lost them),
 *   every file of the other forms is recorded as an alternative (none is left
 *   out, an older text beside a newer one included), and a figure an
 *   alternative gives differently is a warning naming both files;
 * - within the richest form, byte-identical files (same sha256) are one
 *   version, recorded under the first file name, the others its copies;
 * - different contents of that form are versions of the report (a corrected
 *   re-issue). The newest is published: the later publication date
 *   (`publishedOn`); with no date, or the same date, the later file name. A
 *   version without a date counts as older than any dated one.
 *
 * Pure functions: nothing here reads files, so the result depends only on the
 * ids, hashes, dates and names given, never on their order.
 */
import { parseReport, type AlternativeSource, type Diagnostic, type FigureChange, type Report, type ReportVersion, type SourceForm, type Statistic } from "../../schema/report.ts";
import { PUBLISH_WARNINGS } from "./warnings.ts";

/** What grouping needs to know about one converted source. */
export interface SourceIdentity {
  id: string;
  sha256: string;
  publishedOn: string | null;
  file: string;
  form: SourceForm;
}

/** Which form of a report is read when there are several: the ones that keep the table's cells first. */
export const FORM_RANK: Record<SourceForm, number> = { html: 3, pdf: 2, text: 1 };

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
  /** Versions of the richest form, oldest first; the last one is published. */
  versions: SourceVersion<T>[];
  /** The other forms of the report: every version of each, richest form first, oldest first within a form. */
  alternatives: SourceVersion<T>[];
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function olderFirst(a: SourceVersion<SourceIdentity>, b: SourceVersion<SourceIdentity>): number {
  return byName(a.publishedOn ?? "", b.publishedOn ?? "") || byName(a.file, b.file);
}

function versionsOf<T extends SourceIdentity>(sources: T[]): SourceVersion<T>[] {
  const contents = new Map<string, T[]>();
  for (const source of sources) contents.set(source.sha256, [...(contents.get(source.sha256) ?? []), source]);
  return [...contents.values()]
    .map((copies): SourceVersion<T> => {
      const sorted = [...copies].sort((a, b) => byName(a.file, b.file));
      return { sha256: sorted[0]!.sha256, publishedOn: sorted[0]!.publishedOn, file: sorted[0]!.file, sources: sorted };
    })
    .sort(olderFirst);
}

/** Group sources by report id (groups sorted by id). */
export function groupById<T extends SourceIdentity>(sources: T[]): SourceGroup<T>[] {
  const byId = new Map<string, T[]>();
  for (const source of sources) byId.set(source.id, [...(byId.get(source.id) ?? []), source]);
  return [...byId.keys()].sort(byName).map((id) => {
    const members = byId.get(id)!;
    const forms = [...new Set(members.map((s) => s.form))].sort((a, b) => FORM_RANK[b] - FORM_RANK[a]);
    const [richest, ...others] = forms;
    return {
      id,
      versions: versionsOf(members.filter((s) => s.form === richest)),
      alternatives: others.flatMap((form) => versionsOf(members.filter((s) => s.form === form))),
    };
  });
}

export function publishedVersion<T extends SourceIdentity>(group: SourceGroup<T>): SourceVersion<T> {
  return group.versions[group.versions.length - 1]!;
}

/** True when the report has one source only: what it publishes is exactly that source's conversion. */
export function isSingleSource(group: SourceGroup<SourceIdentity>): boolean {
  return group.versions.length === 1 && group.versions[0]!.sources.length === 1 && group.alternatives.length === 0;
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

function alternativeWarning(published: string, alternative: string, changes: readonly FigureChange[]): Diagnostic {
  const shown = changes.slice(0, 8).map((c) => `${c.indicator} ${c.published ?? "空"} / ${c.version ?? "空"}`).join("；");
  const more = changes.length > 8 ? `；… 共 ${changes.length} 项` : "";
  return PUBLISH_WARNINGS.warn(
    "forms_disagree",
    null,
    `${published} 与同一报告的另一形式 ${alternative} 有 ${changes.length} 项数字不同（${shown}${more}），发布的是 ${published} 的 / ${changes.length} figure(s) differ between ${published} and ${alternative}, another form of this report; ${published} is published`,
  );
}

/**
 * Figures an alternative form gives differently from the published one. A
 * figure the alternative cannot settle (null there, a number here) is no
 * disagreement: text that lost the cells says less, not something else.
 */
export function formDisagreements(published: Statistic[], alternative: Statistic[]): FigureChange[] {
  return figureChanges(published, alternative).filter((c) => c.version !== null && c.published !== null);
}

/**
 * The report to publish for a group: the newest version's own conversion with
 * `versions` filled in (when there are several), its other forms in
 * `source.alternatives`, and warnings naming the copies, the earlier versions
 * and any figure another form gives differently. `reports` holds each
 * version's and alternative's conversion by sha256.
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
  const warnings = [...group.versions, ...group.alternatives].filter((v) => v.sources.length > 1).map(copiesWarning);
  if (group.versions.length > 1) {
    warnings.push(versionsWarning(published, group.versions.slice(0, -1).map((v) => ({ file: v.file, changes: changes.get(v.sha256)!.length }))));
  }
  const alternatives: AlternativeSource[] = group.alternatives.map((alternative) => {
    const report = reports.get(alternative.sha256);
    if (!report) throw new Error(`${group.id}: the conversion of ${alternative.file} is missing`);
    const disagreements = formDisagreements(current.statistics, report.statistics);
    if (disagreements.length > 0) warnings.push(alternativeWarning(published.file, alternative.file, disagreements));
    return { file: alternative.file, form: report.source.form, bytes: report.source.bytes, sha256: alternative.sha256, figuresAgree: disagreements.length === 0 };
  });
  return parseReport(
    { ...current, source: { ...current.source, alternatives }, diagnostics: [...current.diagnostics, ...warnings], versions },
    `${group.id} (${published.file})`,
  );
}
