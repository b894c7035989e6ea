import { describe, expect, it } from 'vitest';
import {
  asSentence,
  progressWords,
  retryWords,
  shareOfPrevious,
  shortProgress,
  timeAgo,
} from '../../src-renderer/logic/format';

const now = Date.parse('2025-06-01T12:00:00Z');

describe('status bar words', () => {
  it('says how long ago the last sync was', () => {
    expect(timeAgo('2025-06-01T11:59:50Z', now)).toBe('just now');
    expect(timeAgo('2025-06-01T11:58:00Z', now)).toBe('2 min ago');
    expect(timeAgo('2025-06-01T09:00:00Z', now)).toBe('3 h ago');
    expect(timeAgo('2025-05-31T12:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('2025-05-28T12:00:00Z', now)).toBe('4 days ago');
    expect(timeAgo('not a date', now)).toBe('at an unknown time');
  });

  it('describes the first download with counts and rate, total or not', () => {
    expect(progressWords({ phase: 'pull', done: 1200, total: null, perSecond: 850.4 })).toBe(
      'Downloading leads: 1,200 so far, 850 a second',
    );
    expect(progressWords({ phase: 'push', done: 3, total: 12, perSecond: 0 })).toBe(
      'Sending changes: 3 of 12',
    );
  });
});

describe('status bar progress', () => {
  it('is short enough to leave room for the counts', () => {
    expect(shortProgress({ phase: 'pull', done: 35_000, total: null, perSecond: 2754 })).toBe(
      '35,000 leads in',
    );
    expect(shortProgress({ phase: 'push', done: 3, total: 12, perSecond: 1 })).toBe('3 of 12 sent');
  });
});

describe('messages from the core', () => {
  it('are shown as sentences, without a second speaker in front', () => {
    expect(asSentence('Envoke rejected the request: Sale note is locked')).toBe(
      'Envoke rejected the request: Sale note is locked.',
    );
    expect(asSentence('  envoke did not answer in time ')).toBe('Envoke did not answer in time.');
    expect(asSentence('Already a sentence.')).toBe('Already a sentence.');
    expect(asSentence('Is it still running?')).toBe('Is it still running?');
    expect(asSentence('')).toBe('');
  });
});

describe('a retry that waits', () => {
  it('counts down in seconds, then minutes', () => {
    expect(retryWords('2025-06-01T12:00:08Z', now)).toBe('trying again in 8 s');
    expect(retryWords('2025-06-01T12:00:00.200Z', now)).toBe('trying again in 1 s');
    expect(retryWords('2025-06-01T12:02:00Z', now)).toBe('trying again in 2 min');
    expect(retryWords('2025-06-01T11:59:59Z', now)).toBe('trying again now');
    expect(retryWords('soon', now)).toBe('trying again soon');
  });
});

describe('pipeline shares', () => {
  it('are whole percents, and past 100% carry the mark that says why', () => {
    expect(shareOfPrevious(null)).toBe('');
    expect(shareOfPrevious(0.454)).toBe('45%');
    expect(shareOfPrevious(1)).toBe('100%');
    expect(shareOfPrevious(1.5)).toBe('150% †');
  });
});

describe('counts in words', () => {
  it('say one lead, and any other number of leads', () => {
    expect(shortProgress({ phase: 'pull', done: 1, total: null, perSecond: 0 })).toBe('1 lead in');
    expect(shortProgress({ phase: 'pull', done: 2_000, total: null, perSecond: 0 })).toBe(
      '2,000 leads in',
    );
  });
});
