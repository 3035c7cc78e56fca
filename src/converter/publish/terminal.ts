/**
 * Text from sources (titles, file names, messages quoting a line) on its way
 * to a terminal: escape sequences and control characters are removed, so a
 * source cannot recolour, retitle or rewrite the screen of whoever runs the
 * converter. Tabs become spaces; bidirectional overrides are removed too, as
 * they can make a line read differently from what it holds.
 */

// CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), other two-byte escapes, and the 8-bit CSI/OSC introducers.
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(/[\t\r\n]+/g, " ").replace(CONTROL, "");
}
