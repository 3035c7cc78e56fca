/**
 * The text of one block as a browser shows it: runs of white space folded
 * into one space, none at the block's edges, every character keeping its
 * offset in the page source, and which characters were bold (for a block's
 * bold lead-in).
 */
import type { SourceText } from "../../document/types.ts";

/** White space a browser folds (HTML's ASCII white space; not the no-break or ideographic space). */
function isFoldable(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c;
}

/** Spaces that start or end a block without being its text (no-break and ideographic indentation included). */
function isEdgeSpace(c: string): boolean {
  return /[\s\u00a0\u3000\ufeff]/.test(c);
}

export interface InlineText {
  text: SourceText;
  /** The bold run that opens the text, trimmed; null when it does not open bold. */
  boldLead: string | null;
}

export class InlineBuilder {
  private chars: string[] = [];
  private offsets: number[] = [];
  private bold: boolean[] = [];
  /** Offset of a folded space waiting for the next visible character. */
  private pendingSpace: number | null = null;

  /** Keep every space as written (<pre>); set between blocks. */
  preserve = false;

  get isEmpty(): boolean {
    return this.chars.length === 0;
  }

  append(text: string, offsets: ArrayLike<number>, bold: boolean): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!this.preserve && isFoldable(code)) {
        if (this.chars.length > 0 && this.pendingSpace === null) this.pendingSpace = offsets[i]!;
        continue;
      }
      this.flushSpace();
      this.chars.push(text[i]!);
      this.offsets.push(offsets[i]!);
      this.bold.push(bold);
    }
  }

  /** A break between two parts of the text (a cell's paragraphs, a <br> in a heading): one space, at the offset of the character before it. */
  separate(): void {
    if (this.chars.length > 0 && this.pendingSpace === null) this.pendingSpace = this.offsets[this.offsets.length - 1]!;
  }

  private flushSpace(): void {
    if (this.pendingSpace === null) return;
    this.chars.push(" ");
    this.offsets.push(this.pendingSpace);
    // A space between two bold runs belongs to the bold lead-in; one after bold text ends it.
    this.bold.push(this.bold[this.bold.length - 1] ?? false);
    this.pendingSpace = null;
  }

  /** The text so far, trimmed, and a fresh start. */
  take(): InlineText {
    let start = 0;
    let end = this.chars.length;
    while (start < end && isEdgeSpace(this.chars[start]!)) start++;
    while (end > start && isEdgeSpace(this.chars[end - 1]!)) end--;
    const text = this.chars.slice(start, end).join("");
    const offsets = Int32Array.from(this.offsets.slice(start, end));
    let boldLead: string | null = null;
    if (end > start && this.bold[start]) {
      let leadEnd = start;
      while (leadEnd < end && (this.bold[leadEnd] || isEdgeSpace(this.chars[leadEnd]!))) leadEnd++;
      const lead = this.chars.slice(start, leadEnd).join("").replace(/[\s\u00a0\u3000]+$/, "");
      if (lead.length > 0) boldLead = lead;
    }
    this.chars = [];
    this.offsets = [];
    this.bold = [];
    this.pendingSpace = null;
    return { text: { text, offsets }, boldLead };
  }
}
