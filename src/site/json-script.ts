/**
 * JSON to embed in a page inside <script type="application/json"> or
 * <script type="application/ld+json">. The HTML parser ends a script element
 * at the first "</script" whatever the JSON means, and "<!--" changes how it
 * reads what follows, so a report title like `</script><script>alert(1)</script>`
 * would close the island and run. Every <, > and & is written as a \u escape
 * (JSON.parse reads them back unchanged), and so are U+2028 and U+2029, which
 * are line terminators to JavaScript engines older than ES2019.
 */
const ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error("jsonForScript: the value has no JSON form (undefined, a function or a symbol)");
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => ESCAPES[ch]!);
}
