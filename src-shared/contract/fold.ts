/**
 * The one folding of text that finding leads uses, so a field term and a search word treat the
 * same letters as the same: NFKC (full-width `ＦＵＬＬ` is `FULL`, the ligature `ﬁ` is `fi`), then
 * Unicode case folding (`Ü` is `ü`, `ẞ` and `ß` are `ss`, `Σ` and a final `ς` are `σ`). The core
 * folds a lead's searched text with it when it stores it (the folded columns of migration 0094,
 * the search index) and every value a query names with it, then compares the two.
 *
 * JavaScript has no case folding of its own: lower, upper, lower again reaches the folded form for
 * every letter whose fold differs from its lowercase (`ẞ` → `ß` → `SS` → `ss`), and NFKC again
 * after that composes what the case mappings left decomposed.
 */

const ASCII = /^[\u0000-\u007f]*$/; // eslint-disable-line no-control-regex -- the ASCII range, controls included

/** True when SQLite's own case-insensitive LIKE and NOCASE already fold `text` as foldText does. */
export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replaceAll('ς', 'σ');
}
