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

const NO_PROVINCE = "省份不明";

export function ownerChoices(index: CompareIndex): ProvinceChoices[] {
  const keys = new Set(index.owners.map((o) => o.key));
  const byProvince = new Map<string, OwnerChoice[]>();
  const yearsOf = index.owners.map((): number[] => []);
  for (const r of index.reports) yearsOf[r[1]]!.push(r[2]);
  index.owners.forEach((owner, at) => {
    const years = yearsOf[at]!;
    const first = Math.min(...years);
    const last = Math.max(...years);
    const span = first === last ? `${first}年` : `${first}—${last}年`;
    const province = owner.province ?? NO_PROVINCE;
    const list = byProvince.get(province) ?? [];
    list.push({
      key: owner.key,
      name: owner.name,
      detail: `${span} · ${years.length} 份`,
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

function listed(items: readonly string[], max: number, unit: string): string {
  return items.length <= max ? items.join("、") : `${items.slice(0, max).join("、")}等 ${items.length} ${unit}`;
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
  return {
    owners: names.length ? listed(names, 3, "个地区") : nothingKnown ? T.unknown.none : `全部（${index.owners.length} 个）`,
    years: selection.years.length
      ? listed(selection.years.map(String), 6, "个年度")
      : nothingKnown
        ? T.unknown.none
        : years.length
          ? `全部（${years[0]}—${years.at(-1)}年）`
          : "全部",
    measures: measures.length ? listed(measures, 3, "项") : "未选择",
  };
}
