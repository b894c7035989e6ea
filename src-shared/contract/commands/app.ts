/**
 * The commands the shell that hosts the core answers (the desktop app, or the browser host),
 * because they touch settings, credentials and the machine: the app's facts, preferences, the
 * Envoke account, opening a link, restarting to update, saving an export to a file.
 */
import { z } from 'zod';
import { ViewIdSchema } from '../dto';
import { clearTextProblem } from '../envoke-address';
import { LABEL_MAX_LENGTH } from '../lead';
import { none, ok, searchText } from './common';
import { QueryTextSchema, SortTextSchema } from './views';

export const AccountSchema = z.object({
  baseUrl: z
    .string()
    .trim()
    .url({
      protocol: /^https?$/,
      message: 'Enter the Envoke address as a web address, such as https://e1.envoke.com',
    })
    .superRefine((address, context) => {
      const problem = clearTextProblem(address);
      if (problem !== null) context.addIssue({ code: 'custom', message: problem });
    }),
  apiId: z.string().trim().min(1, 'Enter the API ID').max(200),
});
export type Account = z.infer<typeof AccountSchema>;

/** A rating label a person adds in settings: Envoke keeps ratings as labels of 100 characters. */
const RatingLabelSchema = z
  .string()
  .trim()
  .min(1, 'Enter the rating, such as “Contacted: Good”')
  .max(LABEL_MAX_LENGTH);
export const MAX_ADDED_RATINGS = 20;
export const RatingChoicesSchema = z.object({
  marketing: z.array(RatingLabelSchema).max(MAX_ADDED_RATINGS),
  sales: z.array(RatingLabelSchema).max(MAX_ADDED_RATINGS),
});
export type RatingChoices = z.infer<typeof RatingChoicesSchema>;

export const KeyStorageSchema = z.enum(['encrypted', 'session-only', 'unavailable']);
/**
 * Where the key that encrypts the local cache is kept: sealed by the OS keychain; in a file only
 * this user can read (the desktop app where Linux has no keychain, the browser host's key file);
 * or given in LEAD_TRIAGE_DB_KEY and not stored.
 */
export const DatabaseKeyStorageSchema = z.enum(['keychain', 'owner-only-file', 'environment']);

export const PreferencesSchema = z.object({
  autoAdvance: z.boolean(),
  theme: z.enum(['system', 'light', 'dark']),
  /** Action id -> keys, overriding the default keymap. */
  keymap: z.record(z.string(), z.array(z.string().min(1).max(40)).max(4)),
  /** The desktop app's OS notification when a sync ends with new conflicts or refused changes. */
  notifyProblems: z.boolean(),
  /** Rating values the person added per stage, offered after the account's own. */
  ratings: RatingChoicesSchema,
});
export type Preferences = z.infer<typeof PreferencesSchema>;

export const ConnectionTestSchema = z.object({
  ok: z.boolean(),
  /** A sentence a salesperson understands. */
  message: z.string(),
});

export const appCommands = {
  'app:info': {
    input: none,
    output: z.object({
      version: z.string(),
      demo: z.boolean(),
      account: AccountSchema.nullable(),
      /** How the API key is kept on this machine, said plainly in settings. */
      keyStorage: KeyStorageSchema,
      /** How the cache's key is kept, said in settings where no keychain protects it. */
      databaseKey: DatabaseKeyStorageSchema,
      host: z.enum(['electron', 'browser']),
    }),
  },
  'settings:get': { input: none, output: PreferencesSchema },
  'settings:set': { input: PreferencesSchema.partial().strict(), output: PreferencesSchema },
  'account:test': {
    input: AccountSchema.extend({
      apiKey: z.string().min(1, 'Enter the API key').max(500),
    }).strict(),
    output: ConnectionTestSchema,
  },
  /** Switch to a real Envoke account (tests it first); its own database file. */
  'account:save': {
    input: AccountSchema.extend({
      apiKey: z.string().min(1, 'Enter the API key').max(500),
      /** Where only plain-text storage exists: keep the key for this session only. */
      sessionOnly: z.boolean().default(false),
    }).strict(),
    output: ConnectionTestSchema,
  },
  /** Back to demo data. */
  'account:clear': { input: none, output: ok },
  /**
   * Desktop app: opens a web address (a contact's website, a custom field's link) in the system
   * browser, never in the app's window. http and https only.
   */
  'app:open-external': {
    input: z
      .object({
        url: z
          .string()
          .trim()
          .max(2048)
          .url({ protocol: /^https?$/, message: 'Only web addresses (http or https) open' }),
      })
      .strict(),
    output: ok,
  },
  /**
   * Install the downloaded update: the app asks first, saying how many changes are still unsent
   * (they are kept and sent after the restart). `restarting` is false when the person said later.
   */
  'app:restart-to-update': { input: none, output: z.object({ restarting: z.boolean() }) },
  /**
   * Desktop app: asks where to save, then writes the leads of a query or view there (progress on
   * the window's progress bar). `path` is null when the person cancelled.
   */
  'export:save': {
    input: z
      .object({
        format: z.enum(['csv', 'json']),
        view: ViewIdSchema.optional(),
        // The export's leads are read with these as given: parsed as a query's are.
        query: QueryTextSchema.optional(),
        // '' is the query's own default order.
        sort: SortTextSchema.or(z.literal('')).optional(),
        search: searchText,
        name: z.string().max(60).optional(),
      })
      .strict(),
    output: z.object({ path: z.string().nullable(), count: z.number().int().nonnegative() }),
  },
} as const;
