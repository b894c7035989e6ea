/**
 * The `--after` cursor of `list`: the keyset position (create time and local id) of the last row
 * printed, as one opaque word safe to paste into a shell.
 */
import { ListCursorSchema, type ListCursor } from '#contract/dto';
import { UsageError } from './usage-error';

export type { ListCursor };

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sortKey, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(word: string): ListCursor {
  const refuse = () =>
    new UsageError(
      `--after takes the word printed after "next:" by an earlier list, not "${word}"`,
    );
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(word)) throw refuse();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(word, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  const parsed = Array.isArray(value)
    ? ListCursorSchema.safeParse({ sortKey: value[0], id: value[1] })
    : null;
  if (!parsed?.success) throw refuse();
  return parsed.data;
}
