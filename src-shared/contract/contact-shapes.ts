/**
 * A contact's custom fields, interests and autoresponders, read whatever shape they come in:
 * Envoke's samples show `{name: value}` and lists of names, its webhook docs lists of
 * `{name, value}` and `[{name, state}]`, its clients write `{name: "Set" | "Unset"}`. The core
 * (search, facets) and the detail pane read them alike.
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text as it is; numbers and booleans as written; anything else "". */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Custom values by key, from `{key: value}` or `[{name (or key), value}]`; junk left out. */
export function customFieldPairs(raw: unknown): [string, string][] {
  if (isObject(raw)) return Object.entries(raw).map(([key, value]) => [key, textOf(value)]);
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item): [string, string][] => {
    if (!isObject(item)) return [];
    const key = textOf(item.name) || textOf(item.key);
    return key === '' ? [] : [[key, textOf(item.value)]];
  });
}

/**
 * Interest or autoresponder names, each once: a list of names, a `{name: "Set"}` map or
 * `[{name, state}]`; those marked unset are left out.
 */
export function tagNames(raw: unknown): string[] {
  const unset = (state: unknown) => textOf(state).toLowerCase() === 'unset';
  const names = Array.isArray(raw)
    ? raw.map((item) =>
        isObject(item) ? (unset(item.state) ? '' : textOf(item.name)) : textOf(item),
      )
    : isObject(raw)
      ? Object.entries(raw).map(([name, state]) => (unset(state) ? '' : name))
      : [];
  return [...new Set(names.map((name) => name.trim()).filter(Boolean))];
}
