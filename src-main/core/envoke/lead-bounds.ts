/**
 * How much of Envoke's data one lead may carry into the cache. Undocumented fields are kept as
 * Envoke sent them, so without a bound a single hostile or broken lead (a field nested thousands
 * of levels deep, a note of many megabytes) would be stored as is: JSON.stringify of a deeply
 * nested value overflows the stack, and that failure would end every pull. A lead beyond these
 * bounds is unreadable, with a reason, like any other lead that cannot be read.
 *
 * The walk is iterative (a value nested beyond any stack is measured safely) and stops as soon
 * as a bound is crossed.
 */

/** A lead is level 1, its contact 2, the contact's custom fields 3: real leads stay far below. */
export const MAX_LEAD_DEPTH = 32;
/** Envoke's leads are a few kilobytes; this leaves room for generous notes and custom fields. */
export const MAX_LEAD_BYTES = 256 * 1024;

/** Characters a number, boolean or null takes at most in JSON, near enough. */
const SCALAR_SIZE = 24;

/**
 * Why `value` is beyond the bounds, or null when it is within them. Sizes are counted in
 * characters of JSON text (keys, strings and punctuation), which is what the cache stores.
 */
export function leadBoundsProblem(value: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  let size = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    const current = item.value;
    if (typeof current === 'string') {
      size += current.length + 2;
    } else if (typeof current === 'object' && current !== null) {
      if (item.depth > MAX_LEAD_DEPTH) {
        return `nests its fields deeper than ${MAX_LEAD_DEPTH} levels`;
      }
      size += 2;
      if (Array.isArray(current)) {
        for (const element of current) {
          size += 1;
          if (size > MAX_LEAD_BYTES) break;
          stack.push({ value: element, depth: item.depth + 1 });
        }
      } else {
        for (const key in current) {
          if (!Object.hasOwn(current, key)) continue;
          size += key.length + 4;
          if (size > MAX_LEAD_BYTES) break;
          stack.push({ value: (current as Record<string, unknown>)[key], depth: item.depth + 1 });
        }
      }
    } else {
      size += SCALAR_SIZE;
    }
    if (size > MAX_LEAD_BYTES) {
      return `is larger than the ${MAX_LEAD_BYTES / 1024} KB a lead may hold`;
    }
  }
  return null;
}
