import { describe, expect, it } from "vitest";
import { jsonForScript } from "../../../src/site/json-script.ts";

// A jurisdiction name from a hostile title (tests/hostile/fixtures/xss-json.txt), with a line separator in it.
const NAME = '-{"x":"</script>\u2028<script>alert(1)</script>"}';

describe("jsonForScript", () => {
  it("writes <, >, & and U+2028/U+2029 as \\u escapes, so the text cannot end or change the script element", () => {
    expect(jsonForScript({ n: NAME, amp: "A&B", ps: "\u2029", comment: "<!--" })).toBe(
      '{"n":"-{\\"x\\":\\"\\u003c/script\\u003e\\u2028\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\"}","amp":"A\\u0026B","ps":"\\u2029","comment":"\\u003c!--"}',
    );
  });

  it("reads back as the same value", () => {
    const value = { categories: [NAME, "大武口区"], series: [{ name: "<img/src=x onerror=alert(document.domain)>", values: [8573, null] }] };
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });

  it("leaves no <, > or & and no raw line separator in the output", () => {
    expect(jsonForScript([NAME, "&lt;", "\u2029"])).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it("refuses a value without a JSON form", () => {
    expect(() => jsonForScript(undefined)).toThrow(/no JSON form/);
  });
});
