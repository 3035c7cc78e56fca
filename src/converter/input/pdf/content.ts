/**
 * One PDF page's content as positioned glyphs and ruling lines, read from
 * pdf.js's operator list.
 *
 * The operator list is interpreted here rather than taking pdf.js's
 * getTextContent: that one merges glyphs into items by heuristics and drops
 * characters of vertical text (a vertical table label such as
 * 三、本年度办理结果 loses half its characters), and it says nothing about the
 * lines of a table. The operator list carries every glyph with its Unicode
 * text and advance width, every path, and the graphics state; positions are
 * computed the way pdf.js's canvas renderer places them.
 *
 * Coordinates are those of the page's viewport at scale 1: PDF units, origin
 * top left, y growing downwards, the page's /Rotate applied, so text that
 * reads left to right on screen has growing x.
 */

export type Matrix = readonly [number, number, number, number, number, number];

export interface PlacedGlyph {
  /** The glyph's Unicode text (usually one character; a ligature gives several). */
  text: string;
  /** Box of the glyph: its advance along the line, ascent to descent across it. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** y of the baseline for horizontal text; x of the centre line for text that runs downwards. */
  baseline: number;
  /** The em size on the page. */
  size: number;
  flow: "horizontal" | "vertical" | "rotated";
  /** Text rendering mode 3 or 7: present in the text layer, not painted (an OCR layer over a scan). */
  invisible: boolean;
  /** The font is bold (its flags or its name say so). */
  bold: boolean;
  /** The text layer has a space glyph right before this one. */
  spaceBefore: boolean;
  /** Content-stream order, for text whose position does not give its order (rotated runs). */
  order: number;
}

/** An axis-aligned line the page draws: a stroked segment, a rectangle's side, or a thin filled rectangle. */
export interface RulingSegment {
  orientation: "horizontal" | "vertical";
  /** y of a horizontal segment, x of a vertical one. */
  at: number;
  from: number;
  to: number;
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PageContent {
  width: number;
  height: number;
  glyphs: PlacedGlyph[];
  segments: RulingSegment[];
  /** Glyphs painted in white on no dark background: invisible on the printed page, left out. */
  hiddenGlyphs: number;
  /** Glyphs whose font gives no Unicode text (or only a private-use code): not readable. */
  unmappedGlyphs: number;
  /** Glyphs of invisible text (an OCR layer). */
  invisibleGlyphs: number;
}

/** The parts of a pdf.js font object the layout needs. */
export interface FontInfo {
  fontMatrix?: number[] | Float32Array | null;
  vertical?: boolean;
  defaultVMetrics?: number[] | null;
  ascent?: number;
  descent?: number;
  bold?: boolean;
  black?: boolean;
  name?: string;
}

interface PdfGlyph {
  unicode: string;
  width: number;
  vmetric?: number[] | null;
  isSpace?: boolean;
}

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/** The pdf.js operator codes used here (pdfjs `OPS`). */
export type Ops = Record<string, number>;

export interface PageInput {
  /**
   * The page's operators as pdf.js gives them, except that a marked-content
   * operator's properties say only whether the content is shown
   * ({ visible: false } for a hidden optional-content layer).
   */
  operatorList: OperatorList;
  /** Viewport transform (PDF user space → top-left page space) and size. */
  viewport: { transform: number[]; width: number; height: number };
  fonts: Readonly<Record<string, FontInfo | null>>;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` then `n`: the matrix that applies m first. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A vector (not a point) through the matrix. */
function linear(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y, m[1] * x + m[3] * y];
}

function toMatrix(value: unknown): Matrix | null {
  if (!value || typeof value !== "object" || !("length" in value)) return null;
  const v = value as ArrayLike<number>;
  if (v.length < 6) return null;
  const m: Matrix = [v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!];
  return m.every(Number.isFinite) ? m : null;
}

interface GraphicsState {
  ctm: Matrix;
  fillColor: string;
  strokeColor: string;
  font: FontInfo | null;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  renderMode: number;
  /** Text matrix and the line and current point in text space (pdf.js keeps them with the state). */
  textMatrix: Matrix;
  lineX: number;
  lineY: number;
  x: number;
  y: number;
}

/**
 * Characters some PDF producers put in the text layer instead of the
 * ordinary ones: Kangxi radicals (⼀ for 一, ⼈ for 人), CJK compatibility
 * ideographs, Latin ligatures. Read as the characters they stand for, so
 * labels and titles match; the glyph on the page is the same.
 */
const COMPATIBILITY = /[\u2f00-\u2fdf\uf900-\ufaff\ufb00-\ufb06]/g;

function normaliseGlyphText(text: string): string {
  return text.replace(COMPATIBILITY, (c) => c.normalize("NFKC"));
}

const UNREADABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ue000-\uf8ff\ufffd]/;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function isWhite(color: string): boolean {
  return /^#(?:f[a-f0-9]){3}$/i.test(color);
}

function luminance(color: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return 0;
  return (0.299 * parseInt(m[1]!, 16) + 0.587 * parseInt(m[2]!, 16) + 0.114 * parseInt(m[3]!, 16)) / 255;
}

/** Widest a filled rectangle can be and still be a drawn line rather than a shaded area. */
const THIN_FILL = 2.5;
/** Tolerance for a segment to count as axis-aligned. */
const AXIS_TOLERANCE = 0.5;

/**
 * Interpret a page's operator list into glyphs and ruling lines. A page whose
 * text mostly runs down, up or right to left (a landscape table set on a
 * portrait page without /Rotate) is turned so that it reads left to right.
 */
export function readPageContent(input: PageInput, OPS: Ops): PageContent {
  const view = toMatrix(input.viewport.transform) ?? IDENTITY;
  const { width, height } = input.viewport;
  const upright = interpret(input, OPS, view, width, height);
  const turn = dominantTurn(upright.directions);
  if (turn === 0) return upright.content;
  // Quarter turns clockwise that bring the text's direction to the right, with the page kept at the origin.
  const rotations: Record<1 | 2 | 3, { matrix: Matrix; width: number; height: number }> = {
    1: { matrix: [0, -1, 1, 0, 0, width], width: height, height: width },
    2: { matrix: [-1, 0, 0, -1, width, height], width, height },
    3: { matrix: [0, 1, -1, 0, height, 0], width: height, height: width },
  };
  const rotation = rotations[turn];
  return interpret(input, OPS, multiply(view, rotation.matrix), rotation.width, rotation.height).content;
}

/** Share of a page's horizontal-font glyphs that must run one other way for the page to be turned. */
const TURN_SHARE = 0.6;
const TURN_MIN_GLYPHS = 20;

/** Which way most text of horizontal fonts runs: 0 right, 1 down, 2 left, 3 up (vertical writing does not count). */
function dominantTurn(directions: readonly number[]): 0 | 1 | 2 | 3 {
  const total = directions.reduce((n, c) => n + c, 0);
  if (total < TURN_MIN_GLYPHS) return 0;
  for (const turn of [1, 2, 3] as const) if (directions[turn]! >= total * TURN_SHARE) return turn;
  return 0;
}

function interpret(
  input: PageInput,
  OPS: Ops,
  view: Matrix,
  width: number,
  height: number,
): { content: PageContent; directions: number[] } {
  const { fnArray, argsArray } = input.operatorList;
  const directions = [0, 0, 0, 0];
  const glyphs: PlacedGlyph[] = [];
  const segments: RulingSegment[] = [];
  const darkFills: Rect[] = [];
  const whiteGlyphs: PlacedGlyph[] = [];

  let state: GraphicsState = {
    ctm: IDENTITY,
    fillColor: "#000000",
    strokeColor: "#000000",
    font: null,
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    renderMode: 0,
    textMatrix: IDENTITY,
    lineX: 0,
    lineY: 0,
    x: 0,
    y: 0,
  };
  const stack: GraphicsState[] = [];
  const visibility: boolean[] = [];
  let visible = true;
  let order = 0;
  let unmapped = 0;
  /** A space glyph was shown since the last visible glyph of this text object. */
  let afterSpace = false;

  const setFont = (name: unknown, size: unknown): void => {
    state.font = typeof name === "string" ? (input.fonts[name] ?? null) : null;
    state.fontSize = typeof size === "number" && Number.isFinite(size) ? size : 0;
  };

  const moveText = (x: number, y: number): void => {
    state.lineX += x;
    state.lineY += y;
    state.x = state.lineX;
    state.y = state.lineY;
  };

  const showText = (items: unknown[]): void => {
    const font = state.font;
    const size = Math.abs(state.fontSize);
    if (size === 0) return;
    const direction = state.fontSize < 0 ? -1 : 1;
    const fontMatrix = font?.fontMatrix && font.fontMatrix.length >= 4 ? font.fontMatrix : [0.001, 0, 0, 0.001];
    const vertical = font?.vertical === true;
    const advanceScale = size * (fontMatrix[0] || 0.001);
    const hScale = state.hScale * direction;
    const ascent = font?.ascent && font.ascent > 0 && font.ascent < 2 ? font.ascent : 0.88;
    const descent = font?.descent && font.descent < 0 && font.descent > -1 ? font.descent : -0.12;
    const toPage = multiply(multiply(state.textMatrix, state.ctm), view);
    const invisible = (state.renderMode & 3) === 3;
    const bold = font?.bold === true || font?.black === true || /bold|black|heavy/i.test(font?.name ?? "");
    let x = 0;
    for (const item of items) {
      if (typeof item === "number") {
        x += ((vertical ? 1 : -1) * item * size) / 1000;
        continue;
      }
      if (!item || typeof item !== "object") continue;
      const glyph = item as PdfGlyph;
      const spacing = (glyph.isSpace ? state.wordSpacing : 0) + state.charSpacing;
      const text = glyph.unicode ? normaliseGlyphText(glyph.unicode) : "";
      // Box corners, advance direction and the em across the line, in text space.
      let corners: [number, number][];
      let along: [number, number];
      let across: [number, number];
      let origin: [number, number];
      let step: number;
      if (vertical) {
        const vmetric = glyph.vmetric ?? font?.defaultVMetrics ?? null;
        const half = (glyph.vmetric ? glyph.vmetric[1]! : glyph.width * 0.5) * advanceScale;
        const advance = (vmetric ? -vmetric[0]! : glyph.width) * advanceScale;
        const top = state.y + state.rise - x;
        origin = [state.x, top];
        corners = [
          [state.x - half, top],
          [state.x + half, top],
          [state.x - half, top - advance],
          [state.x + half, top - advance],
        ];
        along = [0, -Math.max(advance, 1e-6)];
        across = [size, 0];
        step = advance - spacing * direction;
      } else {
        const advance = glyph.width * advanceScale;
        const ox = state.x + x * hScale;
        const oy = state.y + state.rise;
        const ex = ox + advance * hScale;
        origin = [ox, oy];
        corners = [
          [ox, oy + descent * size],
          [ex, oy + descent * size],
          [ox, oy + ascent * size],
          [ex, oy + ascent * size],
        ];
        along = [Math.max(advance, 1e-6) * hScale, 0];
        across = [0, size];
        step = advance + spacing * direction;
      }
      x += step;
      if (!visible) continue;
      // No Unicode, a control code (a font mapping glyphs to their codes 1, 2, 3…) or a private-use
      // code: the glyph cannot be read. Private-use codes stay in the text to mark the spot.
      if (text === "" || UNREADABLE.test(text)) {
        if (!glyph.isSpace) unmapped++;
        if (text === "" || CONTROL.test(text)) continue;
      }
      if (/^\s+$/.test(text)) {
        afterSpace = true;
        continue;
      }
      const points = corners.map(([px, py]) => apply(toPage, px, py));
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      const [dx, dy] = linear(toPage, along[0], along[1]);
      const [ax, ay] = linear(toPage, across[0], across[1]);
      const flow = classifyFlow(dx, dy);
      if (!vertical) directions[quadrant(dx, dy)]!++;
      const left = Math.min(...xs);
      const right = Math.max(...xs);
      const placed: PlacedGlyph = {
        text,
        left,
        right,
        top: Math.min(...ys),
        bottom: Math.max(...ys),
        baseline: flow === "vertical" ? (left + right) / 2 : apply(toPage, origin[0], origin[1])[1],
        size: Math.hypot(ax, ay),
        flow,
        invisible,
        bold,
        spaceBefore: afterSpace,
        order: order++,
      };
      afterSpace = false;
      if (!invisible && isWhite(state.fillColor) && (state.renderMode & 3) === 0) whiteGlyphs.push(placed);
      else glyphs.push(placed);
    }
    if (vertical) state.y -= x;
    else state.x += x * hScale;
  };

  const addPath = (paintOp: number, buffer: ArrayLike<number> | null): void => {
    if (!buffer || !visible) return;
    const stroke =
      paintOp === OPS.stroke ||
      paintOp === OPS.closeStroke ||
      paintOp === OPS.fillStroke ||
      paintOp === OPS.eoFillStroke ||
      paintOp === OPS.closeFillStroke ||
      paintOp === OPS.closeEOFillStroke;
    const fill = paintOp !== OPS.stroke && paintOp !== OPS.closeStroke && paintOp !== OPS.endPath;
    if (!stroke && !fill) return;
    const toPage = multiply(state.ctm, view);
    // Split the path into subpaths of straight points; curves end a straight run.
    const subpaths: { points: [number, number][]; closed: boolean; curved: boolean }[] = [];
    let current: { points: [number, number][]; closed: boolean; curved: boolean } | null = null;
    for (let k = 0; k < buffer.length; ) {
      const op = buffer[k++];
      if (op === 0) {
        current = { points: [apply(toPage, buffer[k]!, buffer[k + 1]!)], closed: false, curved: false };
        subpaths.push(current);
        k += 2;
      } else if (op === 1) {
        current?.points.push(apply(toPage, buffer[k]!, buffer[k + 1]!));
        k += 2;
      } else if (op === 2) {
        if (current) {
          current.curved = true;
          current.points.push(apply(toPage, buffer[k + 4]!, buffer[k + 5]!));
        }
        k += 6;
      } else if (op === 3) {
        if (current) {
          current.curved = true;
          current.points.push(apply(toPage, buffer[k + 2]!, buffer[k + 3]!));
        }
        k += 4;
      } else if (op === 4) {
        if (current) current.closed = true;
      } else break;
    }
    for (const sub of subpaths) {
      if (sub.curved) continue;
      const rect = axisRectangle(sub.points);
      if (fill && rect && !isWhite(state.fillColor)) {
        const w = rect.right - rect.left;
        const h = rect.bottom - rect.top;
        if (h <= THIN_FILL && w > h) {
          segments.push({ orientation: "horizontal", at: (rect.top + rect.bottom) / 2, from: rect.left, to: rect.right });
          continue;
        }
        if (w <= THIN_FILL && h > w) {
          segments.push({ orientation: "vertical", at: (rect.left + rect.right) / 2, from: rect.top, to: rect.bottom });
          continue;
        }
        if (luminance(state.fillColor) < 0.5) darkFills.push(rect);
      }
      if (!stroke || isWhite(state.strokeColor)) continue;
      const points = sub.closed && sub.points.length > 2 ? [...sub.points, sub.points[0]!] : sub.points;
      for (let i = 1; i < points.length; i++) {
        const [x1, y1] = points[i - 1]!;
        const [x2, y2] = points[i]!;
        if (Math.abs(y1 - y2) <= AXIS_TOLERANCE && Math.abs(x1 - x2) > AXIS_TOLERANCE) {
          segments.push({ orientation: "horizontal", at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
        } else if (Math.abs(x1 - x2) <= AXIS_TOLERANCE && Math.abs(y1 - y2) > AXIS_TOLERANCE) {
          segments.push({ orientation: "vertical", at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
        }
      }
    }
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = (argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push({ ...state });
        break;
      case OPS.restore:
        if (stack.length > 0) state = stack.pop()!;
        break;
      case OPS.transform: {
        const m = toMatrix(args);
        if (m) state.ctm = multiply(m, state.ctm);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...state });
        const m = toMatrix(args[0]);
        if (m) state.ctm = multiply(m, state.ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
        if (stack.length > 0) state = stack.pop()!;
        break;
      case OPS.beginMarkedContentProps:
        visibility.push((args[1] as { visible?: boolean } | undefined)?.visible !== false);
        visible = visibility.every(Boolean);
        break;
      case OPS.beginMarkedContent:
        visibility.push(true);
        break;
      case OPS.endMarkedContent:
        visibility.pop();
        visible = visibility.every(Boolean);
        break;
      case OPS.setFillRGBColor:
        if (typeof args[0] === "string") state.fillColor = args[0];
        break;
      case OPS.setStrokeRGBColor:
        if (typeof args[0] === "string") state.strokeColor = args[0];
        break;
      case OPS.setGState:
        for (const entry of (args[0] ?? []) as unknown[]) {
          if (Array.isArray(entry) && entry[0] === "Font" && Array.isArray(entry[1])) setFont(entry[1][0], entry[1][1]);
        }
        break;
      case OPS.beginText:
        afterSpace = false;
        state.textMatrix = IDENTITY;
        state.lineX = state.lineY = state.x = state.y = 0;
        break;
      case OPS.setFont:
        setFont(args[0], args[1]);
        break;
      case OPS.setCharSpacing:
        state.charSpacing = Number(args[0]) || 0;
        break;
      case OPS.setWordSpacing:
        state.wordSpacing = Number(args[0]) || 0;
        break;
      case OPS.setHScale:
        state.hScale = (Number(args[0]) || 100) / 100;
        break;
      case OPS.setLeading:
        state.leading = -(Number(args[0]) || 0);
        break;
      case OPS.setTextRise:
        state.rise = Number(args[0]) || 0;
        break;
      case OPS.setTextRenderingMode:
        state.renderMode = Number(args[0]) || 0;
        break;
      case OPS.moveText:
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.setLeadingMoveText:
        state.leading = Number(args[1]) || 0;
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.setTextMatrix: {
        const m = toMatrix(args[0]) ?? toMatrix(args);
        if (m) state.textMatrix = m;
        state.lineX = state.lineY = state.x = state.y = 0;
        break;
      }
      case OPS.nextLine:
        moveText(0, state.leading);
        break;
      case OPS.showText:
        if (Array.isArray(args[0])) showText(args[0]);
        break;
      case OPS.constructPath: {
        const buffers = args[1] as (ArrayLike<number> | null)[] | undefined;
        addPath(Number(args[0]), buffers?.[0] ?? null);
        break;
      }
      default:
        break;
    }
  }

  const hidden = whiteGlyphs.filter((g) => !darkFills.some((r) => within(r, g)));
  glyphs.push(...whiteGlyphs.filter((g) => !hidden.includes(g)));
  glyphs.sort((a, b) => a.order - b.order);
  const onThePage = glyphs.filter((g) => onPage(g, width, height));
  return {
    content: {
      width,
      height,
      glyphs: onThePage,
      segments,
      hiddenGlyphs: hidden.length,
      unmappedGlyphs: unmapped,
      invisibleGlyphs: onThePage.filter((g) => g.invisible).length,
    },
    directions,
  };
}

/** The quarter a direction points to: 0 right, 1 down, 2 left, 3 up (y grows downwards). */
function quadrant(dx: number, dy: number): 0 | 1 | 2 | 3 {
  return (((Math.round(Math.atan2(dy, dx) / (Math.PI / 2)) % 4) + 4) % 4) as 0 | 1 | 2 | 3;
}

function within(r: Rect, g: PlacedGlyph): boolean {
  const cx = (g.left + g.right) / 2;
  const cy = (g.top + g.bottom) / 2;
  return cx >= r.left && cx <= r.right && cy >= r.top && cy <= r.bottom;
}

/** Glyphs placed outside the page are not printed (text pushed off the page by some producers). */
function onPage(g: PlacedGlyph, width: number, height: number): boolean {
  const cx = (g.left + g.right) / 2;
  const cy = (g.top + g.bottom) / 2;
  return cx >= 0 && cx <= width && cy >= 0 && cy <= height;
}

function classifyFlow(dx: number, dy: number): PlacedGlyph["flow"] {
  if (dx > 0 && Math.abs(dy) <= dx * 0.1) return "horizontal";
  if (dy > 0 && Math.abs(dx) <= dy * 0.1) return "vertical";
  return "rotated";
}

/** The rectangle a closed straight path of 4 corners traces, if its sides are axis-aligned. */
function axisRectangle(points: [number, number][]): Rect | null {
  const pts = points.length === 5 && samePoint(points[0]!, points[4]!) ? points.slice(0, 4) : points;
  if (pts.length !== 4) return null;
  for (let i = 0; i < 4; i++) {
    const [x1, y1] = pts[i]!;
    const [x2, y2] = pts[(i + 1) % 4]!;
    if (Math.abs(x1 - x2) > AXIS_TOLERANCE && Math.abs(y1 - y2) > AXIS_TOLERANCE) return null;
  }
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
}

function samePoint(a: [number, number], b: [number, number]): boolean {
  return Math.abs(a[0] - b[0]) <= AXIS_TOLERANCE && Math.abs(a[1] - b[1]) <= AXIS_TOLERANCE;
}
