/**
 * The comparison view's choices and their URL:
 *
 *   ?j=640500,x659039f5dea5&y=2017,2022&m=c.requests_received,r.share_denied&chart=r.share_denied&sort=-r.share_denied
 *
 * j  report owners (jurisdiction id, or `<id>/<department slug>`); none = all
 * y  years; none = all
 * m  measures in column order (`c.` concept, `i.` indicator, `r.` rate); absent = the default view's
 * chart  the measure the chart draws; absent = the first
 * sort   a column key, `-` first for descending; absent = owner, then year
 *
 * Both `?j=a,b` and `?j=a&j=b` are read. Choices the data does not know are
 * dropped and named, never silently ignored. Pure and DOM-free.
 */
import { compareText } from "../../report/compare-text.ts";
import type { CompareIndex } from "./types.ts";

export interface SortOrder {
  key: string;
  descending: boolean;
}

export interface Selection {
  owners: string[];
  years: number[];
  measures: string[];
  chart: string | null;
  sort: SortOrder | null;
}

/** What a URL asked for, before it is checked against the data. */
export interface RequestedSelection {
  owners: string[];
  years: string[];
  /** null when the URL has no m at all (the default view's measures). */
  measures: string[] | null;
  chart: string | null;
  sort: string | null;
}

/** Column keys that are not measures. */
export const FIXED_COLUMNS = ["owner", "prefecture", "year", "template"] as const;

function list(params: URLSearchParams, key: string): string[] {
  const values = params
    .getAll(key)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  return [...new Set(values)];
}

export function readRequest(search: string): RequestedSelection {
  const params = new URLSearchParams(search);
  return {
    owners: list(params, "j"),
    years: list(params, "y"),
    measures: params.has("m") ? list(params, "m") : null,
    chart: params.get("chart")?.trim() || null,
    sort: params.get("sort")?.trim() || null,
  };
}

export interface ResolvedSelection {
  selection: Selection;
  /** Choices dropped because the data does not know them, as sentences for the page. */
  unknown: { owners: string[]; years: string[]; measures: string[]; chart: string | null; sort: string | null };
  /** The URL asked for owners or years and none of them exists: the view is empty, and says why. */
  nothingKnown: boolean;
}

/** Check a request against the index: keep what exists, name what does not. */
export function resolveSelection(index: CompareIndex, request: RequestedSelection): ResolvedSelection {
  const ownerKeys = new Set(index.owners.map((o) => o.key));
  const owners: string[] = [];
  const unknownOwners: string[] = [];
  for (const key of request.owners) {
    if (ownerKeys.has(key)) owners.push(key);
    else {
      // A jurisdiction that publishes only through departments: its departments.
      const departments = index.owners.filter((o) => o.jurisdiction === key && o.key !== key).map((o) => o.key);
      if (departments.length) owners.push(...departments);
      else unknownOwners.push(key);
    }
  }
  const reportYears = new Set(index.reports.map((r) => r[2]));
  const years: number[] = [];
  const unknownYears: string[] = [];
  for (const text of request.years) {
    if (/^\d{4}$/.test(text) && reportYears.has(Number(text))) years.push(Number(text));
    else unknownYears.push(text);
  }
  const measureKeys = new Set(index.measures.map((m) => m.key));
  const requestedMeasures = request.measures ?? index.defaults;
  const measures = requestedMeasures.filter((k) => measureKeys.has(k));
  const unknownMeasures = requestedMeasures.filter((k) => !measureKeys.has(k));
  const chart = request.chart !== null && measures.includes(request.chart) ? request.chart : null;
  const sortKey = request.sort?.replace(/^-/, "") ?? null;
  const sortKnown = sortKey !== null && ((FIXED_COLUMNS as readonly string[]).includes(sortKey) || measures.includes(sortKey));
  const sort = sortKnown ? { key: sortKey!, descending: request.sort!.startsWith("-") } : null;
  return {
    selection: {
      owners: [...new Set(owners)].sort(compareText),
      years: [...new Set(years)].sort((a, b) => a - b),
      measures,
      chart,
      sort,
    },
    unknown: {
      owners: unknownOwners,
      years: unknownYears,
      measures: unknownMeasures,
      chart: request.chart !== null && chart === null ? request.chart : null,
      sort: request.sort !== null && sort === null ? request.sort : null,
    },
    nothingKnown: (request.owners.length > 0 && owners.length === 0) || (request.years.length > 0 && years.length === 0),
  };
}

/** The query string of a selection (with "?"), every choice written; owners and years only when not all. */
export function writeSelection(selection: Selection): string {
  const parts: string[] = [];
  if (selection.owners.length) parts.push(`j=${selection.owners.join(",")}`);
  if (selection.years.length) parts.push(`y=${selection.years.join(",")}`);
  parts.push(`m=${selection.measures.join(",")}`);
  if (selection.chart !== null && selection.chart !== selection.measures[0]) parts.push(`chart=${selection.chart}`);
  if (selection.sort) parts.push(`sort=${selection.sort.descending ? "-" : ""}${selection.sort.key}`);
  return `?${parts.join("&")}`;
}

export function defaultSelection(index: CompareIndex): Selection {
  return { owners: [], years: [], measures: [...index.defaults], chart: null, sort: null };
}

/** The measure the chart draws: the chosen one, else the first. */
export function chartMeasure(selection: Selection): string | null {
  return selection.chart ?? selection.measures[0] ?? null;
}
