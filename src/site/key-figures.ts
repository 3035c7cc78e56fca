/**
 * The few indicators the overview pages show for every report (list, home,
 * jurisdiction trend). A presentation choice, not a catalog: the ids are
 * checked against the catalog so a renamed indicator fails loudly.
 */
import { findIndicator, type Indicator } from "../catalog/index.ts";

const KEY_FIGURE_IDS = ["proactive_total", "requests_received", "reconsideration_total", "litigation_total"] as const;

/** Short column heads for narrow tables. */
const SHORT_LABELS: Record<(typeof KEY_FIGURE_IDS)[number], string> = {
  proactive_total: "主动公开",
  requests_received: "收到申请",
  reconsideration_total: "行政复议",
  litigation_total: "行政诉讼",
};

export interface KeyFigure {
  id: string;
  short: string;
  indicator: Indicator;
}

export const KEY_FIGURES: readonly KeyFigure[] = KEY_FIGURE_IDS.map((id) => {
  const found = findIndicator(id);
  if (!found) throw new Error(`key figure ${id} is not in the indicator catalog`);
  return { id, short: SHORT_LABELS[id], indicator: found.indicator };
});

/** The headline comparison on the home page. */
export const HEADLINE_INDICATOR = "requests_received";
