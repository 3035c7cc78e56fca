/**
 * The chooser's lists: owners by province (a department under its
 * government), years, and the measures by kind. Pure: from the index, whose
 * owners are sorted by key.
 */
import { COMPARE_TEXT as T } from "./strings.ts";
import type { CompareIndex, MeasureMeta } from "./types.ts";

export interface OwnerChoice {
  key: string;
  name: string;
  /** 2011—2025年 · 8 份 */
  detail: string;
  /** A department listed under its government's own entry. */
  nested: boolean;
}

export interface ProvinceChoices {
  province: string;
  owners: OwnerChoice[];
}


export function ownerChoices(index: CompareIndex): ProvinceChoices[] {
  const keys = new Set(index.owners.map((o) => o.key));
  const byProvince = new Map<string, OwnerChoice[]>();
  const yearsOf = index.owners.map((): number[] => []);
  for (const r of index.reports) yearsOf[r[1]]!.push(r[2]);
  index.owners.forEach((owner, at) => {
    const years = yearsOf[at]!;
    const first = Math.min(...years);
    const last = Math.max(...years);
    const span = T.words.yearSpan(first, last);
    const province = owner.province ?? T.words.noProvince;
    const list = byProvince.get(province) ?? [];
    list.push({
      key: owner.key,
      name: owner.name,
      detail: T.words.ownerDetail(span, years.length),
      nested: owner.key !== owner.jurisdiction && keys.has(owner.jurisdiction),
    });
    byProvince.set(province, list);
  });
  // Provinces in the order of their first owner's key (division codes), so by region.
  return [...byProvince.entries()].map(([province, owners]) => ({ province, owners }));
}

export function yearChoices(index: CompareIndex): number[] {
  return [...new Set(index.reports.map((r) => r[2]))].sort((a, b) => a - b);
}

export function measuresOfKind(index: CompareIndex, kind: MeasureMeta["kind"]): MeasureMeta[] {
  return index.measures.filter((m) => m.kind === kind);
}

export interface ChoiceSummaries {
  owners: string;
  years: string;
  measures: string;
}

/** What each closed part of the chooser says about the current choice. */
export function choiceSummaries(
  index: CompareIndex,
  selection: { owners: readonly string[]; years: readonly number[]; measures: readonly string[] },
  /** The URL named only owners or years the data lacks: "all" would be untrue. */
  nothingKnown = false,
): ChoiceSummaries {
  const years = yearChoices(index);
  const names = selection.owners.map((k) => index.owners.find((o) => o.key === k)?.name ?? k);
  const measures = selection.measures.map((k) => index.measures.find((m) => m.key === k)?.label ?? k);
  const W = T.words;
  return {
    owners: names.length ? W.list(names, 4, W.owners) : nothingKnown ? T.unknown.none : W.allOwnersCount(index.owners.length),
    years: selection.years.length
      ? W.list(selection.years.map(String), 7, W.yearsUnit)
      : nothingKnown
        ? T.unknown.none
        : years.length
          ? W.allYears(W.yearSpan(years[0]!, years.at(-1)!))
          : W.all,
    measures: measures.length ? W.list(measures, 4, W.measures) : W.noneChosen,
  };
}
