/**
 * Figures the report's prose states (主动公开政府信息 42704 条), read through
 * the template's `textFigures`: the phrase that precedes the number, the
 * units accepted right after it, and the phrases that say there were none
 * (未收到政府信息公开申请 → 0). The checks compare them with the table; for a
 * report without a table they are the only figures.
 *
 * Only exact statements about the whole count:
 * - the number follows the cue directly (共/为/达/数/：and spaces allowed)
 *   and carries one of the cue's units; a percentage or another unit is not it;
 * - approximate numbers are skipped: 约/近/逾/超过 before, 余/多 before the
 *   unit, 以上/左右/多 after it;
 * - the subject must be the whole body, not a part of it: a cue preceded in
 *   its clause by 其中, by a part of the government (县直各单位, 各乡镇, 区直
 *   各部门) or by a channel (通过政府网站, 在…平台上) names a part's figure, so
 *   `县直各单位主动公开政府信息2475条` is not proactive_total;
 * - nothing is inferred; when the prose states two different figures for one
 *   indicator, the first is kept and its note names the other.
 */
import type { Template, TextCue } from "../../catalog/index.ts";
import type { Statistic } from "../../schema/report.ts";
import { lineIndexOf, printedText, rangeOf, slice, spanOf } from "../document/source-text.ts";
import type { SourceDocument, SourceText } from "../document/types.ts";
import { exactNumber } from "../readers/values.ts";

const FILLER = /^\s*(?:总数为|总数|数量为|数量|数为|数|共计|总计|合计|累计|共|计|为|达到|达|：|:)?\s*/;
const APPROXIMATE_BEFORE = /^(?:约|近|逾|超过|将近|大约|接近)/;
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;
const APPROXIMATE_AFTER = /^(?:以上|左右|多|余)/;
const COUNT_UNITS = new Set(["条", "件", "次", "个", "人", "篇", "人次", "名", "期", "起", "项"]);
const LONGER_UNITS = ["人次", "条次", "件次", "户次"];
/** How much text after a cue can hold its figure. Reading only this window keeps a line with thousands of cues linear. */
const FIGURE_WINDOW = 80;
/** Clause boundaries: the subject of a figure is in its own clause. */
const CLAUSE_END = /[。；;，,：:！？]/g;
/**
 * Words that make the subject of a clause a part of the reporting body: units
 * directly under it (县直各单位), subordinate bodies, one channel of
 * publication (通过政府网站, 在…平台上).
 */
const PART_WORDS = /县直|区直|市直|省直|所属|下属|直属|通过|在[^，。；]{0,20}(?:网|平台|公报|微博|微信|栏目|客户端)|网站|平台|公报|微博|微信|栏目|客户端|新媒体/;
/** Kinds of sub-unit: a clause naming one kind (各乡镇) is about that part; one naming several (各乡镇、各部门) about the whole. */
const UNIT_KINDS: readonly RegExp[] = [/乡镇|镇|街道|社区/, /部门|单位|委办局|机关/, /区县|县区|县市区/];

function namesPart(clause: string): boolean {
  if (PART_WORDS.test(clause)) return true;
  if (/全(?:县|区|市|省|州|盟|旗)/.test(clause)) return false;
  return UNIT_KINDS.filter((kind) => kind.test(clause)).length === 1 && /各|等/.test(clause);
}

/** Full-width digits and comma to ASCII, one character for one so positions stay valid. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９，．]/g, (c) => (c === "，" ? "," : c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

interface Candidate {
  indicator: string;
  text: SourceText;
  from: number;
  to: number;
  value: number;
  raw: string;
  position: number;
}

/** The figure right after a cue ending at `afterCue`, or null when there is no exact one. */
function readAfterCue(text: string, afterCue: number, units: readonly string[]): { value: number; end: number; numberFrom: number; numberTo: number } | null {
  const rest = asciiDigits(text.slice(afterCue, afterCue + FIGURE_WINDOW));
  const filler = FILLER.exec(rest)?.[0] ?? "";
  const atNumber = rest.slice(filler.length);
  if (APPROXIMATE_BEFORE.test(atNumber)) return null;
  const number = NUMBER.exec(atNumber);
  if (!number) return null;
  const afterNumber = atNumber.slice(number[0].length);
  const spacing = /^\s*/.exec(afterNumber)?.[0] ?? "";
  const unit = [...units].sort((a, b) => b.length - a.length).find((u) => afterNumber.startsWith(u, spacing.length));
  if (!unit) return null;
  // 人 must not be the start of 人次, nor 条 of 条次: a longer unit is a different measure.
  if (LONGER_UNITS.some((longer) => longer.startsWith(unit) && longer !== unit && afterNumber.startsWith(longer, spacing.length))) return null;
  if (APPROXIMATE_AFTER.test(afterNumber.slice(spacing.length + unit.length))) return null;
  const value = exactNumber(number[0].replace(/,/g, ""));
  if (value === null) return null;
  if (!Number.isInteger(value) && COUNT_UNITS.has(unit)) return null;
  const numberFrom = afterCue + filler.length;
  const numberTo = numberFrom + number[0].length;
  return { value, end: numberTo + spacing.length + unit.length, numberFrom, numberTo };
}

/**
 * The sentence before `position`: from the last 。；to the cue. After 其中 a
 * figure is a part's when words name the part between 其中 and the cue
 * (其中，区直各部门主动公开…); 其中 right before the cue (总数3618条，其中主动公开
 * 政府信息1853条) introduces the cue's own quantity.
 */
function sentenceBefore(text: string, position: number): string {
  const before = text.slice(0, position);
  return before.slice(Math.max(before.lastIndexOf("。"), before.lastIndexOf("；"), before.lastIndexOf(";")) + 1);
}

function namesPartAfterWhich(sentence: string): boolean {
  const at = sentence.lastIndexOf("其中");
  return at >= 0 && /[\p{Script=Han}A-Za-z0-9]/u.test(sentence.slice(at + 2).replace(/[：:，,、\s]/g, ""));
}

/** The clause before `position`: from the last clause boundary to the cue. */
function clauseBefore(text: string, position: number): string {
  let start = 0;
  for (const match of text.slice(0, position).matchAll(CLAUSE_END)) start = match.index + 1;
  return text.slice(start, position);
}

/**
 * @param whole the indicator is a whole (a total or a figure without parent):
 *   its figure must not be a part's. A breakdown's cue names its part itself
 *   (通过政府网站…, 其中专职人员…).
 */
function cueCandidates(text: SourceText, indicator: string, cue: TextCue, whole: boolean, places: readonly number[]): Candidate[] {
  const found: Candidate[] = [];
  const t = text.text;
  for (const at of places) {
    const figure = readAfterCue(t, at + cue.before.length, cue.units);
    if (!figure) continue;
    if (whole && (namesPart(clauseBefore(t, at)) || namesPartAfterWhich(sentenceBefore(t, at)))) continue;
    found.push({ indicator, text, from: figure.numberFrom, to: figure.numberTo, value: figure.value, raw: t.slice(at, figure.end), position: at });
  }
  return found;
}

/** `…` in a zero phrase stands for a few words (未收到…政府信息公开…申请). Compiled once per phrase. */
function zeroPattern(phrase: string): RegExp {
  let pattern = ZERO_PATTERNS.get(phrase);
  if (!pattern) {
    const parts = phrase.split("…").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    pattern = new RegExp(parts.join("[^，。；,;]{0,12}"), "g");
    ZERO_PATTERNS.set(phrase, pattern);
  }
  return pattern;
}

const ZERO_PATTERNS = new Map<string, RegExp>();

/** A zero phrase says there were none only where its clause ends with it (未收到政府信息公开申请。, not …申请行政复议). */
const CLAUSE_AFTER = /^(?:的?情况|的事项|事项)?(?:[，。；,;！!？?、）)\s]|$)/;

function zeroCandidates(text: SourceText, indicator: string, phrase: string, whole: boolean): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.text.matchAll(zeroPattern(phrase))) {
    if (!CLAUSE_AFTER.test(text.text.slice(match.index + match[0].length))) continue;
    if (whole && namesPartAfterWhich(sentenceBefore(text.text, match.index))) continue;
    found.push({ indicator, text, from: match.index, to: match.index + match[0].length, value: 0, raw: match[0], position: match.index });
  }
  return found;
}

/**
 * Where phrases occur in the prose, text by text: each phrase is looked for
 * once in all of the prose (joined, a separator no phrase holds between the
 * texts) rather than once in every text, and remembered for the report.
 */
class ProsePlaces {
  private readonly joined: string;
  /** Where each text starts in `joined`. */
  private readonly starts: number[] = [];
  private readonly found = new Map<string, Map<number, number[]>>();

  constructor(prose: readonly SourceText[]) {
    let at = 0;
    for (const text of prose) {
      this.starts.push(at);
      at += text.text.length + 1;
    }
    this.joined = prose.map((t) => t.text).join("\u0000");
  }

  /** Every place `phrase` starts in text `index` (overlapping places too), in order; a phrase must not be empty. */
  in(phrase: string, index: number): readonly number[] {
    let byText = this.found.get(phrase);
    if (!byText) {
      byText = new Map();
      let text = 0;
      for (let at = this.joined.indexOf(phrase); at >= 0; at = this.joined.indexOf(phrase, at + 1)) {
        while (text + 1 < this.starts.length && this.starts[text + 1]! <= at) text++;
        const places = byText.get(text) ?? [];
        places.push(at - this.starts[text]!);
        byText.set(text, places);
      }
      this.found.set(phrase, byText);
    }
    return byText.get(index) ?? NO_PLACES;
  }
}

const NO_PLACES: readonly number[] = [];

/** The places `phrase` starts in text `index` of the prose; an empty phrase stands at every place, as indexOf finds it. */
function placesOf(places: ProsePlaces, prose: readonly SourceText[], phrase: string, index: number): readonly number[] {
  if (phrase !== "") return places.in(phrase, index);
  return Array.from({ length: prose[index]!.text.length + 1 }, (_v, at) => at);
}

/** The sentence around a position: the label of a text figure. */
function sentenceAt(text: string, position: number): string {
  const before = text.slice(0, position);
  const start = Math.max(before.lastIndexOf("。"), before.lastIndexOf("；"), before.lastIndexOf(";")) + 1;
  const endMatch = /[。；;]/.exec(text.slice(position));
  const end = endMatch ? position + endMatch.index + 1 : text.length;
  return text.slice(start, end).replace(/\s+/g, " ").trim();
}

/**
 * Every figure the prose states for the template's text figures, one per
 * indicator (the first clear statement in reading order), each with its span.
 */
export function extractTextFigures(document: SourceDocument, prose: readonly SourceText[], template: Template): Statistic[] {
  const index = lineIndexOf(document.text);
  const places = new ProsePlaces(prose);
  const figures: Statistic[] = [];
  const parents = new Set([...template.indicators, ...template.derived].map((i) => i.parent).filter((p): p is string => p !== null));
  const parentOf = new Map<string, string | null>([...template.indicators, ...template.derived].map((i) => [i.id, i.parent]));
  for (const figure of template.textFigures) {
    const whole = parents.has(figure.indicator) || (parentOf.get(figure.indicator) ?? null) === null;
    const candidates: Candidate[] = [];
    prose.forEach((text, index) => {
      for (const cue of figure.cues) {
        const at = placesOf(places, prose, cue.before, index);
        if (at.length > 0) candidates.push(...cueCandidates(text, figure.indicator, cue, whole, at));
      }
      for (const phrase of figure.zero) {
        // The phrase's first words must be there before the pattern is worth running.
        const first = phrase.split("…")[0]!;
        if (first === "" || places.in(first, index).length > 0) candidates.push(...zeroCandidates(text, figure.indicator, phrase, whole));
      }
    });
    candidates.sort((a, b) => (a.text.offsets[a.position] ?? 0) - (b.text.offsets[b.position] ?? 0));
    const first = candidates[0];
    if (!first) continue;
    const others = candidates.filter((c) => c.value !== first.value);
    const span = spanOf(document.file, index, rangeOf(first.text, first.from, first.to), document.pageStarts);
    const note = others.length > 0 ? `正文另有不同说法：${others.map((c) => `第 ${index.lineOf(c.text.offsets[c.position] ?? 0)} 行“${c.raw}”`).join("；")}` : null;
    figures.push({
      indicator: figure.indicator,
      value: first.value,
      status: "reported",
      origin: "text",
      table: null,
      row: null,
      column: null,
      // The phrase as printed (the document's own characters, spacing included).
      raw: printedText(document.text, slice(first.text, first.position, first.position + first.raw.length)),
      unit: null,
      label: sentenceAt(first.text.text, first.position),
      line: span.line,
      span,
      note,
    });
  }
  return figures;
}
