/**
 * HTML comments left in text taken from a web page. Word's conditional
 * comments come in two kinds: `<!--[if !supportLists]-->7、<!--[endif]-->`
 * shows its content to every browser (Word's list number: content, kept,
 * only the markers go), while `<!--[if gte mso 9]><xml>…</xml><![endif]-->`
 * hides its content (Word's settings: dropped whole), as do plain comments.
 */
import type { Diagnostic, Removal } from "../../../schema/report.ts";
import type { SourceText } from "../../document/types.ts";
import { removal } from "./noise.ts";
import { rewrite } from "./source-edit.ts";
import { textWarnings } from "./warnings.ts";

const HIDDEN = /<!--\[if[^\]]*\]>[\s\S]*?<!\[endif\]-->/g;
const MARKER = /<!--\[if[^\]]*\]-->|<!--\[endif\]-->|<!\[if[^\]]*\]>|<!\[endif\]>/g;
const COMMENT = /<!--(?!\[)[\s\S]*?-->/g;
const UNCLOSED = /<!--(?:\[if[^\]]*\]>?)?/g;

export function removeComments(text: SourceText, line: number): { text: SourceText; removals: Removal[]; diagnostics: Diagnostic[] } {
  if (!text.text.includes("<!")) return { text, removals: [], diagnostics: [] };
  const removed: string[] = [];
  const drop = (m: RegExpExecArray) => {
    removed.push(m[0]);
    return [];
  };
  let out = rewrite(text, HIDDEN, drop);
  out = rewrite(out, MARKER, drop);
  out = rewrite(out, COMMENT, drop);
  const diagnostics: Diagnostic[] = [];
  const unclosed: string[] = [];
  out = rewrite(out, UNCLOSED, (m) => {
    unclosed.push(m[0]);
    removed.push(m[0]);
    return [];
  });
  if (unclosed.length > 0) {
    diagnostics.push(
      textWarnings.warn(
        "unclosed_comment",
        line,
        `第 ${line} 行有未闭合的 HTML 注释 ${unclosed[0]}，只删去注释标记，后面的文字保留 / line ${line}: unclosed HTML comment ${unclosed[0]}; only the marker was removed, the text after it is kept`,
      ),
    );
  }
  if (removed.length === 0) return { text, removals: [], diagnostics };
  return { text: out, removals: [removal("markup", line, line, removed.slice(0, 3).join(" "))], diagnostics };
}
