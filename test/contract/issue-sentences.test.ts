/** Validation problems read as a person's sentences, never as internal names. */
import { describe, expect, it } from 'vitest';
import { AccountSchema, commands, describeIssues, EmailSchema, TriagePatchSchema } from '#contract';

const INTERNAL_NAME =
  /\b(baseUrl|apiId|apiKey|contact\.email|patch\.|marketing_rating_status|firstName)\b|:\s*$/;

function problem(
  schema: { safeParse(input: unknown): { success: boolean; error?: unknown } },
  input: unknown,
): string {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return describeIssues((result.error as { issues: Parameters<typeof describeIssues>[0] }).issues);
}

describe('describeIssues', () => {
  it('names account fields by their labels', () => {
    const message = problem(AccountSchema, { baseUrl: 'htp:/bad', apiId: '' });
    expect(message).toBe(
      'Enter the Envoke address as a web address, such as https://e1.envoke.com. Enter the API ID.',
    );
    expect(message).not.toMatch(INTERNAL_NAME);
  });

  it('names a triage field inside a command by its label', () => {
    const input = commands['leads:update'].input;
    expect(problem(input, { ids: [1], patch: { marketing_rating_status: 7 } })).toBe(
      'Marketing status must be text.',
    );
    expect(problem(input, { ids: [1], patch: { sale: 'Maybe' } })).toBe(
      '"Maybe" is not a valid sale outcome; use one of: None, Yes, Cancelled.',
    );
    expect(problem(input, { ids: [1], patch: { salesperson: 'x'.repeat(101) } })).toBe(
      'Salesperson is limited to 100 characters.',
    );
    expect(problem(input, { ids: [], patch: { sale: 'Yes' } })).toBe('Leads: choose at least one.');
  });

  it('names a nested contact field by its label, and an unknown field as the caller typed it', () => {
    const contact = AccountSchema.pick({ apiId: true })
      .extend({ contact: TriagePatchSchema })
      .strict();
    const message = problem(contact, { apiId: 'a', contact: { sales_rating_note: 5 }, colour: 1 });
    expect(message).toBe(
      'Sales note must be text. There is no field “colour” that can be set here.',
    );
  });

  it('says what a missing value is, and counts what it leaves out', () => {
    const input = commands['account:test'].input;
    expect(problem(input, {})).toBe(
      'Envoke address is required. API ID is required. API key is required.',
    );
    const many = problem(TriagePatchSchema, {
      revenue: 'a',
      cost_of_goods_sold: 'b',
      sale: 'c',
      opportunity: 'd',
    });
    expect(many).toMatch(/\(1 more problem\.\)$/);
  });

  it('names a key that is also a name of every object as the caller typed it', () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty'])
      expect(problem(commands['settings:set'].input, { keymap: { [key]: [''] } })).toMatch(
        /^Enter the [a-z ]+\.$/,
      );
    expect(
      problem(commands['leads:create'].input, {
        email: 'a@b.example',
        contact: { constructor: 1 },
      }),
    ).toBe('There is no field “constructor” in contact that can be set here.');
  });
});

describe('email addresses', () => {
  it('an empty email and a mistyped one get different sentences', () => {
    expect(problem(EmailSchema, '  ')).toBe('Enter the contact’s email address.');
    expect(problem(EmailSchema, 'ann.example.com')).toBe(
      '“ann.example.com” is not an email address: it needs a name, an @ and a domain, such as ann@example.com.',
    );
    expect(problem(EmailSchema, 'ann@example')).toMatch(/is not an email address/);
    expect(problem(EmailSchema, 'ann smith@example.com')).toMatch(/is not an email address/);
  });

  it('accepts internationalised addresses', () => {
    expect(EmailSchema.parse('zoë.ñandú@exämple.com')).toBe('zoë.ñandú@exämple.com');
    expect(EmailSchema.parse('用户@例子.广告')).toBe('用户@例子.广告');
    expect(EmailSchema.parse(' ann@xn--exmple-cua.com ')).toBe('ann@xn--exmple-cua.com');
  });

  it('refuses an address longer than Envoke keeps, saying its limit', () => {
    expect(problem(EmailSchema, `${'a'.repeat(50)}@example.com`)).toBe(
      'Email addresses are limited to 60 characters.',
    );
  });
});
