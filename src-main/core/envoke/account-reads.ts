/**
 * The account's name and custom field definitions, read the tolerant way: an Envoke that does
 * not serve a route (404), does not let this key read it (401/403) or answers in an unknown shape
 * makes these answer null, never fail a sync; the app then shows custom values under their keys.
 * Network failures and 5xx still throw, so a caller can keep what it read before.
 */
import {
  CUSTOM_FIELD_TYPES,
  type CustomFieldDefinition,
  type CustomFieldType,
} from '#contract/envoke-account';
import { plainText } from '#contract/plain-text';
import { isEnvokeError } from './errors';
import type { Transport } from './http';
import { isEnvelope, isPlainObject } from './reply-shapes';

/** Definitions are few; a page of a hundred (Envoke's cap) and a bound on the pages asked. */
const PAGE = 100;
const MAX_PAGES = 20;
const MAX_NAME = 200;

/** Answers Envoke gives when it has nothing for this key here, as opposed to a failure. */
function notServed(error: unknown): boolean {
  return (
    isEnvokeError(error) && ['not-found', 'auth', 'validation', 'malformed'].includes(error.reason)
  );
}

async function readOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (notServed(error)) return null;
    throw error;
  }
}

/** The account's name from `GET /v1/settings`, or null when Envoke does not say. */
export async function readAccountName(send: Transport): Promise<string | null> {
  const body = await readOrNull(
    async () => (await send({ method: 'GET', path: '/v1/settings' })).body,
  );
  const settings = isEnvelope(body) ? body.result_data : body;
  if (!isPlainObject(settings) || typeof settings.name !== 'string') return null;
  const name = plainText(settings.name, MAX_NAME);
  return name === '' ? null : name;
}

function typeOf(value: unknown): CustomFieldType {
  const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (CUSTOM_FIELD_TYPES as readonly string[]).includes(word)
    ? (word as CustomFieldType)
    : 'text';
}

/**
 * One definition from any shape seen: v2's `{name, description, field_type}`, the `{key, label}`
 * Envoke's Zapier code describes, or a bare name.
 */
function definitionOf(item: unknown): CustomFieldDefinition | null {
  // The name is the key values are kept under on contacts: kept exactly, or it would match none.
  const usable = (name: unknown): name is string =>
    typeof name === 'string' && name.trim() !== '' && name.length <= MAX_NAME;
  if (typeof item === 'string')
    return usable(item) ? { name: item, label: plainText(item), type: 'text' } : null;
  if (!isPlainObject(item)) return null;
  const name = typeof item.name === 'string' ? item.name : item.key;
  if (!usable(name)) return null;
  const rawLabel = typeof item.description === 'string' ? item.description : item.label;
  const label = typeof rawLabel === 'string' ? plainText(rawLabel, MAX_NAME) : '';
  return {
    name,
    label: label === '' ? plainText(name) : label,
    type: typeOf(item.field_type ?? item.type),
  };
}

/** A list or an `{id: name}` map as definitions; null for anything else. */
function definitionsOf(body: unknown): CustomFieldDefinition[] | null {
  const value = isEnvelope(body) ? body.result_data : body;
  const items = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : null;
  if (items === null) return null;
  return items.map(definitionOf).filter((item): item is CustomFieldDefinition => item !== null);
}

/**
 * The account's custom field definitions: `GET /v2/customfields` page by page, else the older
 * `GET /v1/customfields` map (names only), else null when neither is served.
 */
export async function readCustomFields(send: Transport): Promise<CustomFieldDefinition[] | null> {
  const found: CustomFieldDefinition[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await readOrNull(
      async () =>
        (
          await send({
            method: 'GET',
            path: '/v2/customfields',
            query: `limit=${PAGE}&skip=${page * PAGE}`,
          })
        ).body,
    );
    const definitions = body === null ? null : definitionsOf(body);
    if (definitions === null) {
      if (page > 0) break;
      const older = await readOrNull(
        async () => (await send({ method: 'GET', path: '/v1/customfields' })).body,
      );
      return older === null ? null : definitionsOf(older);
    }
    found.push(...definitions);
    // A map or a short page is the whole list.
    if (!Array.isArray(isEnvelope(body) ? body.result_data : body) || definitions.length < PAGE)
      break;
  }
  const byName = new Map(found.map((definition) => [definition.name, definition]));
  return [...byName.values()];
}
