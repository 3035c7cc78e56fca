/**
 * The prefecture-level division a report belongs to — the one answer pages,
 * filters and downloads all give: a county's or district's prefecture; a
 * prefecture (or a zone at that level) itself; none for a province, or for a
 * county directly under a province (省直辖县级行政区划).
 */
import type { Jurisdiction } from "../schema/report.ts";

export interface Prefecture {
  /** Division code, or the zone's id where it has no code. */
  id: string;
  name: string;
}

export function prefectureOf(jurisdiction: Jurisdiction): Prefecture | null {
  const { level, parent, province } = jurisdiction;
  if (level === "prefecture") return { id: jurisdiction.id, name: jurisdiction.name };
  if (level === "county" && parent && parent.code !== province?.code) return { id: parent.code, name: parent.name };
  return null;
}
