/**
 * Envoke writes datetimes as PHP's "Y-m-d H:i:s" with no offset (envoke-lead-api.md §8). Which
 * zone it uses is unknown, so the simulator formats in a configurable IANA zone.
 */
import { SimConfigError } from './errors';

/** The simulator's notion of "now"; injectable so tests need no sleeping. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export type TimeFormatter = (epochMs: number) => string;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const DAY_MS = 86_400_000;

/**
 * Formats a UTC instant. Generating a million leads formats several million times, so the date
 * half is remembered per day and the clock half is plain arithmetic.
 */
function createUtcFormatter(): TimeFormatter {
  let cachedDay = Number.NaN;
  let cachedDate = '';
  return (epochMs) => {
    const day = Math.floor(epochMs / DAY_MS);
    if (day !== cachedDay) {
      const date = new Date(day * DAY_MS);
      cachedDay = day;
      cachedDate = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())} `;
    }
    const seconds = Math.floor((epochMs - day * DAY_MS) / 1000);
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    return `${cachedDate}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds % 60)}`;
  };
}

export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new SimConfigError(
      'timeZone',
      `Unknown time zone "${timeZone}"; use an IANA name such as UTC or America/Toronto`,
    );
  }
}

/** Zone offsets only change on quarter-hour boundaries, so one lookup per quarter hour suffices. */
const OFFSET_BUCKET_MS = 15 * 60 * 1000;
const OFFSET_CACHE_LIMIT = 200_000;

export function createTimeFormatter(timeZone: string): TimeFormatter {
  assertTimeZone(timeZone);
  const formatUtc = createUtcFormatter();
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return formatUtc;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (epochMs: number): number => {
    const bucket = Math.floor(epochMs / OFFSET_BUCKET_MS);
    const cached = offsets.get(bucket);
    if (cached !== undefined) return cached;
    const probe = bucket * OFFSET_BUCKET_MS;
    const probeParts = parts.formatToParts(probe);
    const field = (type: Intl.DateTimeFormatPartTypes): number =>
      Number(probeParts.find((part) => part.type === type)?.value ?? 0);
    const local = Date.UTC(
      field('year'),
      field('month') - 1,
      field('day'),
      field('hour'),
      field('minute'),
      field('second'),
    );
    const offset = local - probe;
    if (offsets.size >= OFFSET_CACHE_LIMIT) offsets.clear();
    offsets.set(bucket, offset);
    return offset;
  };
  return (epochMs) => formatUtc(epochMs + offsetAt(epochMs));
}

/** The RFC 9110 HTTP-date form used by `Retry-After`. */
export function httpDate(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}
