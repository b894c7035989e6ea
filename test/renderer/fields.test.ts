/** Field names as the person reads them in pending notes, the outbox and the conflict resolver. */
import { describe, expect, it } from 'vitest';
import { describeFields, fieldLabel } from '../../src-renderer/logic/fields';

describe('fieldLabel', () => {
  it('names triage and contact fields in words, never by their internal names', () => {
    expect(fieldLabel('marketing_rating_status')).toBe('Marketing status');
    expect(fieldLabel('contact.email')).toBe('Email');
    expect(fieldLabel('contact.first_name')).toBe('First name');
    expect(fieldLabel('rule_rating')).toBe('Rule rating');
  });

  it('describes a queued create in those words', () => {
    expect(describeFields({ 'contact.email': 'ann@northwind.example', sale: '' })).toBe(
      'Email: ann@northwind.example, Sale: (cleared)',
    );
  });
});
