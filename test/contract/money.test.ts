/** Why an amount is refused, in the person's terms: a minus is not a currency sign. */
import { describe, expect, it } from 'vitest';
import { moneyProblem, TriagePatchSchema } from '#contract';

const ask = 'Use a plain amount such as 7595.00 for revenue';

describe('amounts', () => {
  it('takes plain amounts and an empty one (which clears)', () => {
    for (const fine of ['7595', '7595.00', '0.5', '', ' 12 '])
      expect(moneyProblem(fine, 'Revenue')).toBeNull();
  });

  it.each([
    ['−5', `${ask}: it cannot be negative`],
    ['-5', `${ask}: it cannot be negative`],
    ['$7,595', `${ask}, without a currency sign or commas`],
    ['7595 €', `${ask}, without a currency sign`],
    ['USD 7595.00', `${ask}, without a currency sign`],
    ['7,595.00', `${ask}, without commas`],
    ['7595.125', `${ask}: at most two decimals`],
    ['1234567890123', `${ask}: at most 12 digits before the point`],
    ['lots', ask],
  ])('%s: %s', (typed, sentence) => {
    expect(moneyProblem(typed, 'Revenue')).toBe(sentence);
  });

  it('is the sentence an update of the field is refused with', () => {
    const checked = TriagePatchSchema.safeParse({ revenue: '−5' });
    expect(checked.success).toBe(false);
    expect(checked.error?.issues[0]?.message).toBe(`${ask}: it cannot be negative`);
    expect(checked.error?.issues[0]?.path).toEqual(['revenue']);
  });
});

describe('an amount taken', () => {
  it('is kept in Envoke’s form, two decimals, whatever was typed', () => {
    expect(TriagePatchSchema.parse({ revenue: '12500' }).revenue).toBe('12500.00');
    expect(TriagePatchSchema.parse({ cost_of_goods_sold: ' 0.5 ' }).cost_of_goods_sold).toBe(
      '0.50',
    );
    expect(TriagePatchSchema.parse({ revenue: '7595.00' }).revenue).toBe('7595.00');
    expect(TriagePatchSchema.parse({ revenue: '' }).revenue).toBe('');
  });
});
