/**
 * A report's owner as the title names it → the government and, for a
 * department's report, the department:
 *
 *   沭阳县发展和改革局       → 沭阳县 + development-reform (发展和改革局)
 *   平潭综合实验区地方税务局 → 平潭综合实验区 + local-taxation
 *   平潭县人民政府           → 平潭县 (人民政府, 政府办公室, 管委会: the government itself)
 *
 * Department kinds and the names they go by are data (src/catalog/departments.json).
 * A department not listed there still gets a stable slug, `dept-` + 8 hex
 * digits of the SHA-256 of its name, and a warning: its report never takes
 * its government's id.
 */
import departmentsFile from "../../catalog/departments.json" with { type: "json" };
import { DepartmentsFile } from "../../catalog/schema.ts";
import type { Department, Diagnostic, Jurisdiction } from "../../schema/report.ts";
import { compareText } from "../../report/compare-text.ts";
import { defineWarnings } from "../diagnostics.ts";
import { displayText, identityHash, identityText } from "../identity.ts";
import { endsWithJurisdictionName, resolveJurisdiction } from "./jurisdiction.ts";

export const DEPARTMENT_WARNINGS = defineWarnings({
  unknown_department: {
    zh: "报告属于某个部门，但该部门不在部门目录（src/catalog/departments.json）中；报告编号使用由部门名称生成的代号 dept-xxxxxxxx",
    en: "the report is a department's, but the department is not in the catalog (src/catalog/departments.json); the report id uses a slug made from its name, dept-xxxxxxxx",
  },
});

interface NameOfKind {
  key: string;
  slug: string;
}

let names: NameOfKind[] | null = null;

/** Every name of every kind, longest first, so 地方税务局 wins over 税务局. */
function departmentNames(): NameOfKind[] {
  if (names) return names;
  const kinds = DepartmentsFile.parse(departmentsFile).departments;
  const seen = new Map<string, string>();
  for (const kind of kinds) {
    for (const name of kind.names) {
      const key = identityText(name);
      const other = seen.get(key);
      if (other && other !== kind.slug) throw new Error(`departments.json: ${name} is listed under both ${other} and ${kind.slug}`);
      seen.set(key, kind.slug);
    }
  }
  names = [...seen].map(([key, slug]) => ({ key, slug })).sort((a, b) => b.key.length - a.key.length || compareText(a.key, b.key));
  return names;
}

/** Words after a government's name that mean the government itself. */
const GOVERNMENT_ITSELF = /(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|政府|行政公署|行署)$/;
/** A zone's administration (平潭综合实验区管委会): the government itself, when what precedes it is a zone. */
const ZONE_ADMINISTRATION = /(?:党工委、?管委会|管委会办公室|管理委员会办公室|管委会|管理委员会)$/;
const ZONE_NAME = /(?:区|园|基地|新城)$/;
/** A street office (街道办事处) is the government of its 街道, as a 镇人民政府 is of its 镇. */
const STREET_OFFICE = /(?<=街道)办事处$/;
/** How the name of a department ends. */
const DEPARTMENT_END = /(?:局|委员会|委|办公室|办|厅|中心|署|院|所|站|队|馆|处)$/;
/** Last character of a division's name, where a jurisdiction may end and a department begin. */
const DIVISION_END = /[省市县区旗州盟]/;
/** Vertically managed agencies name their central authority first: 国家税务总局沭阳县税务局. */
const CENTRAL_AUTHORITY = /^国家税务总局/;

/** The government's name without the words that mean the government itself (平潭县人民政府 → 平潭县, 长城街道办事处 → 长城街道). */
function governmentName(text: string): string {
  if (STREET_OFFICE.test(text)) return text.replace(STREET_OFFICE, "");
  const zone = ZONE_ADMINISTRATION.exec(text);
  if (zone) {
    const rest = text.slice(0, zone.index);
    if (ZONE_NAME.test(rest) || endsWithJurisdictionName(rest)) return rest;
  }
  return text.replace(GOVERNMENT_ITSELF, "");
}

/** Whether the owner is the government itself (its name followed by 人民政府, 政府办公室, 管委会 …). */
function isGovernmentItself(text: string): boolean {
  return governmentName(text) !== text;
}

export interface DepartmentSplit {
  /** The government's name ("" when the owner names a department without its government). */
  government: string;
  department: Department | null;
  diagnostics: Diagnostic[];
}

/** Where an unlisted department's name begins: after the longest known jurisdiction name, else after the first division-like ending. */
function unlistedSplit(text: string): number | null {
  let known: number | null = null;
  let first: number | null = null;
  for (let end = 2; end <= text.length - 2; end++) {
    if (!DIVISION_END.test(text[end - 1]!)) continue;
    first ??= end;
    if (endsWithJurisdictionName(text.slice(0, end))) known = end;
  }
  return known ?? first;
}

/**
 * @param ownerName the owner as the title names it, e.g. 沭阳县发展和改革局, 平潭综合实验区管委会, 平潭县人民政府
 */
export function splitDepartment(ownerName: string): DepartmentSplit {
  const fullName = displayText(ownerName).trim();
  const owner = identityText(ownerName);
  const central = CENTRAL_AUTHORITY.exec(owner)?.[0] ?? "";
  const text = owner.slice(central.length);

  for (const { key, slug } of departmentNames()) {
    if (!text.endsWith(key)) continue;
    // A lone character in front (县财政局) names no government.
    const rest = text.length - key.length >= 2 ? governmentName(text.slice(0, -key.length)) : "";
    return { government: rest, department: { slug, name: key, fullName }, diagnostics: [] };
  }
  if (isGovernmentItself(text)) return { government: governmentName(text), department: null, diagnostics: [] };
  if (!DEPARTMENT_END.test(text)) return { government: text, department: null, diagnostics: [] };

  const at = unlistedSplit(text);
  const name = at === null ? text : text.slice(at);
  const slug = `dept-${identityHash(name, 8)}`;
  return {
    government: at === null ? "" : governmentName(text.slice(0, at)),
    department: { slug, name, fullName },
    diagnostics: [
      DEPARTMENT_WARNINGS.warn(
        "unknown_department",
        null,
        `部门“${name}”不在部门目录中，报告编号使用代号 ${slug} / department "${name}" is not in the department catalog; the report id uses ${slug}`,
      ),
    ],
  };
}

export interface OwnerResult {
  jurisdiction: Jurisdiction;
  department: Department | null;
  diagnostics: Diagnostic[];
}

/**
 * The owner named by the title → the jurisdiction (for a department: the
 * government it belongs to) and the department. `null` when the owner names
 * a department without its government (财政局 alone).
 */
export function resolveOwner(ownerName: string, context: string): OwnerResult | null {
  const split = splitDepartment(ownerName);
  if (split.government === "") return null;
  const resolved = resolveJurisdiction(split.government, context);
  return { jurisdiction: resolved.jurisdiction, department: split.department, diagnostics: [...split.diagnostics, ...resolved.diagnostics] };
}
