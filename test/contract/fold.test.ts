/**
 * The one folding of text for finding leads: NFKC then Unicode case folding, the same for a
 * lead's text and what a query names, stable when applied twice, and the same for ASCII as
 * SQLite's own case-insensitive LIKE; completion matches known values with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, isAscii } from '#contract/fold';
import { matchEnum, suggest } from '#contract/lead-query';

describe('foldText', () => {
  it.each([
    ['ÜBER GmbH', 'über gmbh'],
    ['über', 'über'],
    ['JÖRG', 'jörg'],
    ['ＦＵＬＬ Corp', 'full corp'],
    ['ｆｕｌｌ', 'full'],
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['ẞ', 'ss'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['οδος', 'οδοσ'],
    ['ﬁne', 'fine'],
    ['Ｋ', 'k'],
    ['\u212a', 'k'],
    ['Acme Widgets', 'acme widgets'],
  ])('%s folds to %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('is stable: folding folded text changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(foldText(foldText(text))).toBe(foldText(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('folds ASCII exactly as SQLite’s LIKE and NOCASE do: letters only, to lower case', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 30 }), (text) => {
        expect(isAscii(text)).toBe(true);
        expect(foldText(text)).toBe(text.replace(/[A-Z]/g, (c) => c.toLowerCase()));
      }),
    );
  });
});

describe('completion matches as the core folds', () => {
  it('offers a known value for a prefix in another case or width', () => {
    const known = ['ＦＵＬＬ Corp', 'ÜBER GmbH', 'Straße AG', 'Acme'];
    expect(suggest('company:fu', known).map((s) => s.label)).toEqual(['company:"ＦＵＬＬ Corp"']);
    expect(suggest('company:üb', known).map((s) => s.label)).toEqual(['company:"ÜBER GmbH"']);
    expect(suggest('company:STRASSE', known).map((s) => s.label)).toEqual(['company:"Straße AG"']);
    expect(suggest('company:gmbh', known).map((s) => s.label)).toEqual(['company:"ÜBER GmbH"']);
  });

  it('reads an enum value typed full-width', () => {
    expect(matchEnum('status', 'ＰＡＳＳＥＤ')).toBe('Passed to sales');
  });
});
