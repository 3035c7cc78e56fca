/**
 * The forms a report was found in and its versions, for its page: the
 * original files as published (downloadable, bytes unchanged), whether the
 * figures read from another form agree with the published ones, and the
 * figures an earlier (or later) version gives differently.
 */
import { getTemplate, indicatorFor } from "../../catalog/index.ts";
import type { Report, SourceForm } from "../../schema/report.ts";
import { formatBytes, formatNumber } from "../format.ts";
import { paths } from "../paths.ts";

export const FORM_NAMES: Record<SourceForm, string> = { text: "文本", html: "网页（HTML）", pdf: "PDF" };

/**
 * A source file's size for the page; null when the report records 0 bytes,
 * which no source can have (the converter refuses empty files): the size is
 * then not known, and the page says nothing rather than "0 字节".
 */
export function fileSize(bytes: number): string | null {
  return bytes > 0 ? formatBytes(bytes) : null;
}

export interface FormView {
  file: string;
  form: SourceForm;
  formName: string;
  bytes: number;
  sha256: string;
  /** The original file, as published. */
  href: string;
  /** True for the form the published figures were read from. */
  published: boolean;
  /** For another form: whether every figure read from it equals the published one. */
  figuresAgree: boolean | null;
}

/** The published form first, then the other forms in the order the report records them. */
export function reportForms(report: Report): FormView[] {
  const { source } = report;
  return [
    { file: source.file, form: source.form, formName: FORM_NAMES[source.form], bytes: source.bytes, sha256: source.sha256, href: paths.originalFile(source.file), published: true, figuresAgree: null },
    ...source.alternatives.map((a) => ({
      file: a.file,
      form: a.form,
      formName: FORM_NAMES[a.form],
      bytes: a.bytes,
      sha256: a.sha256,
      href: paths.originalFile(a.file),
      published: false,
      figuresAgree: a.figuresAgree,
    })),
  ];
}

/** What the converter logged about forms that disagree (their messages name the figures). */
export function formDisagreements(report: Report): string[] {
  return report.diagnostics.filter((d) => d.code === "forms_disagree").map((d) => d.message);
}

export interface VersionChange {
  indicator: string;
  label: string;
  published: string;
  version: string;
}

export interface VersionView {
  file: string;
  sha256: string;
  publishedOn: string | null;
  current: boolean;
  href: string;
  changes: VersionChange[];
}

const shown = (value: number | null) => (value === null ? "无数字" : formatNumber(value));

/** Every version, in the order the report records them (oldest first); empty when the report was issued once. */
export function reportVersions(report: Report): VersionView[] {
  const template = getTemplate(report.template);
  return report.versions.map((v) => ({
    file: v.file,
    sha256: v.sha256,
    publishedOn: v.publishedOn,
    current: v.current,
    href: paths.originalFile(v.file),
    changes: v.changes.map((c) => ({
      indicator: c.indicator,
      label: indicatorFor(template, c.indicator)?.label ?? c.indicator,
      published: shown(c.published),
      version: shown(c.version),
    })),
  }));
}

/** Every original file a report's page offers, with the SHA-256 it must have: its form, its other forms, its versions. */
export function originalFiles(report: Report): { file: string; sha256: string }[] {
  const all = [
    { file: report.source.file, sha256: report.source.sha256 },
    ...report.source.alternatives.map((a) => ({ file: a.file, sha256: a.sha256 })),
    ...report.versions.map((v) => ({ file: v.file, sha256: v.sha256 })),
  ];
  return all.filter((f, i) => all.findIndex((g) => g.file === f.file && g.sha256 === f.sha256) === i);
}
