/**
 * What the app knows of the Envoke account besides its leads, read once per full sync and kept in
 * the cache: its name (`GET /v1/settings`), shown beside the account, and its custom field
 * definitions (`GET /v2/customfields`), which give each custom value its label and its kind.
 */
import { z } from 'zod';

/** Envoke's custom field types (Custom Field API: text, note, date, url). */
export const CUSTOM_FIELD_TYPES = ['text', 'note', 'date', 'url'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CustomFieldDefinitionSchema = z.object({
  /** The key contacts carry the value under: letters, digits and `_`. */
  name: z.string(),
  /** Envoke's `description`, the words people read; the name when there is none. */
  label: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
});
export type CustomFieldDefinition = z.infer<typeof CustomFieldDefinitionSchema>;

export const EnvokeAccountSchema = z.object({
  /** Null until read, or when this Envoke does not say (no `/v1/settings`). */
  name: z.string().nullable(),
  /** Empty until read, or when this Envoke does not say: values then show under their keys. */
  customFields: z.array(CustomFieldDefinitionSchema),
});
export type EnvokeAccount = z.infer<typeof EnvokeAccountSchema>;
