/**
 * CSV as RFC 4180 writes it (comma separated, CRLF line ends, a field quoted when it holds a
 * quote, comma or line break, quotes doubled) and safe to open in a spreadsheet. A cell a
 * spreadsheet would run as a formula gets a leading ' (OWASP's CSV injection advice): one that
 * starts with a tab or a carriage return, or whose first character after any spaces, line breaks
 * and invisible characters is = + - @ in any width (`＝`, `﹢`...): spreadsheet apps trim leading
 * whitespace (a no-break or ideographic space included) before they look, and some read the
 * full-width signs as the ASCII ones.
 */
const NEEDS_QUOTES = /[",\r\n]/;
/** What may come before a formula's sign and still leave it a formula. */
const SKIPPED = /^[\s\p{Cc}\p{Cf}]*/u;
const FORMULA_SIGNS = new Set(['=', '+', '-', '@']);

export function startsLikeFormula(text: string): boolean {
  if (text.startsWith('\t') || text.startsWith('\r')) return true;
  const first = text.slice(SKIPPED.exec(text)![0].length).codePointAt(0);
  if (first === undefined) return false;
  // NFKC reads every width and compatibility form of a sign as the sign itself.
  return FORMULA_SIGNS.has(String.fromCodePoint(first).normalize('NFKC').charAt(0));
}

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (startsLikeFormula(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
