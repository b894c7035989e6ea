// What a log line may carry: no API key, no host token, nothing of a lead beyond its ids.
import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  LEAD_DATA,
  REDACTED,
  redactLogData,
} from '../../src-main/shell-kit/log-redaction';

const API_KEY = 'sk_live_9f8e7d6c5b4a';
const HOST_TOKEN = 'c0ffee1234567890deadbeef';

describe('createRedactor', () => {
  it('takes the API key and the host token out of messages and details, wherever they hide', () => {
    const redact = createRedactor([API_KEY, HOST_TOKEN]);
    const line = redact(`request failed for key ${API_KEY}`, {
      url: `http://127.0.0.1:4000/?token=${HOST_TOKEN}`,
      apiKey: 'anything',
      headers: { authorization: 'Basic dHJpYWdlOnNlY3JldA==' },
      nested: [{ note: `token ${HOST_TOKEN} again` }],
    });
    const text = JSON.stringify(line);
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(HOST_TOKEN);
    expect(text).not.toContain('dHJpYWdlOnNlY3JldA==');
    expect(line.message).toBe(`request failed for key ${REDACTED}`);
    expect(line.detail).toMatchObject({ apiKey: REDACTED, headers: { authorization: REDACTED } });
  });

  it('keeps ids, counts and codes but no lead contents', () => {
    const redact = createRedactor();
    const line = redact('Envoke refused the change', {
      leadId: 42,
      envokeId: '1000234',
      ids: [1, 2, 3],
      command: 'leads:update',
      patch: { marketing_rating: 'Hot', notes: 'call after lunch' },
      fields: ['email'],
      email: 'ana@borealis.example',
      error:
        "Envoke: 'ana@borealis.example' is not a valid email; phone +1 (555) 123-4567 rejected",
      at: '2026-11-27T17:31:26.000Z',
    });
    expect(line.detail).toEqual({
      leadId: 42,
      envokeId: '1000234',
      ids: [1, 2, 3],
      command: 'leads:update',
      patch: LEAD_DATA,
      fields: LEAD_DATA,
      email: LEAD_DATA,
      error: "Envoke: '[email]' is not a valid email; phone [phone] rejected",
      at: '2026-11-27T17:31:26.000Z',
    });
    expect(redact('Pulled lead 1000234 of 5000').message).toBe('Pulled lead 1000234 of 5000');
    expect(redact('call 555-123-4567 or 555.123.4567').message).toBe('call [phone] or [phone]');
  });

  it('learns a key entered while the app runs', () => {
    const redact = createRedactor();
    expect(redact(`saved ${API_KEY}`).message).toBe(`saved ${API_KEY}`);
    redact.addSecret(API_KEY);
    expect(redact(`saved ${API_KEY}`).message).toBe(`saved ${REDACTED}`);
  });

  it('redacts electron-log call data, errors included', () => {
    const redact = createRedactor([API_KEY]);
    const error = new Error(`bad key ${API_KEY} for bo@borealis.example`);
    const [text, detail, failure, count] = redactLogData(redact, [
      `key ${API_KEY}`,
      { name: 'Ana', id: 3 },
      error,
      7,
    ]);
    expect(text).toBe(`key ${REDACTED}`);
    expect(detail).toEqual({ name: LEAD_DATA, id: 3 });
    expect(String(failure)).toContain(`bad key ${REDACTED} for [email]`);
    expect(count).toBe(7);
  });
});
