/**
 * The one map of commands the renderer may call. Each has a zod input and output schema; the main
 * process (IPC) and the browser host (HTTP) both parse input with them before calling anything,
 * and the renderer's client parses output.
 *
 * Core commands are answered by the offline core (src-main/core); app commands by the shell that
 * hosts it (the Electron app, or the browser host), because they touch settings and credentials.
 */
import { z } from 'zod';
import {
  LeadDetailSchema,
  LeadIdSchema,
  LeadSummarySchema,
  ListCursorSchema,
  OutboxEntrySchema,
  SyncScopeInputSchema,
  SyncScopeSchema,
  SyncStatusSchema,
  UndoResultSchema,
  ViewIdSchema,
} from './dto';
import { ChangeAnswerSchema, changeContext, ViewCountsSchema } from './change-answer';
import { EmailSchema } from './email';
import { clearTextProblem } from './envoke-address';
import { EnvokeAccountSchema } from './envoke-account';
import {
  LABEL_MAX_LENGTH,
  NewContactSchema,
  NewLeadFieldsSchema,
  TRIAGE_FIELDS,
  TriagePatchSchema,
} from './lead';
import { QueryTextSchema, SortTextSchema, viewCommands } from './view-commands';

const none = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

const search = z.string().trim().max(200).optional();

/** What undo and redo did, and what to paint when the caller said what it shows. */
const undoAnswer = UndoResultSchema.extend({ paint: ChangeAnswerSchema.optional() });

export const coreCommands = {
  /** A page of a view in its order (newest first), by keyset. */
  'leads:list': {
    input: z
      .object({
        view: ViewIdSchema,
        search,
        after: ListCursorSchema.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ rows: z.array(LeadSummarySchema), next: ListCursorSchema.nullable() }),
  },
  /**
   * Every lead id of a view in order. Cheap (ids only) and lets a virtual list place any row at
   * any index; rows themselves are then fetched by window with `leads:rows`.
   */
  'leads:ids': {
    input: z.object({ view: ViewIdSchema, search }).strict(),
    output: z.object({ ids: z.array(LeadIdSchema) }),
  },
  /**
   * A page of a view's ids in order, by keyset: the list loads the ids it shows and the next
   * page as the person nears the end of them, never the whole view at once.
   */
  'leads:id-page': {
    input: z
      .object({
        view: ViewIdSchema,
        search,
        after: ListCursorSchema.optional(),
        limit: z.number().int().min(1).max(5_000).default(1_000),
      })
      .strict(),
    output: z.object({ ids: z.array(LeadIdSchema), next: ListCursorSchema.nullable() }),
  },
  /**
   * Which of the given leads are in a view (and search), in the order asked: after the person
   * changes a few leads the list learns which left or joined it without reading the whole view.
   */
  'leads:membership': {
    input: z
      .object({ view: ViewIdSchema, search, ids: z.array(LeadIdSchema).max(10_000) })
      .strict(),
    output: z.object({ ids: z.array(LeadIdSchema) }),
  },
  /**
   * Where a lead stands in a view (and search): how many leads come before it, or null when it
   * is not in the view. Counted by keyset from the top, for a lead that just joined the list;
   * with `upTo`, at most that many (the answer is then `upTo` for a lead further down).
   */
  'leads:position': {
    input: z
      .object({
        view: ViewIdSchema,
        search,
        id: LeadIdSchema,
        /** Stop counting here: the list only needs the place of a lead among the ids it holds. */
        upTo: z.number().int().positive().optional(),
      })
      .strict(),
    output: z.object({ index: z.number().int().nonnegative().nullable() }),
  },
  /**
   * How many leads match a search outside the view searched, so the list can offer them
   * ("3 more in All leads"). Counted up to a cap: past it the answer is "at least".
   */
  'leads:search-elsewhere': {
    input: z.object({ view: ViewIdSchema, search: z.string().trim().min(1).max(200) }).strict(),
    output: z.object({
      /** Where the other matches are: every lead. */
      view: ViewIdSchema,
      count: z.number().int().nonnegative(),
      /** True when there are more than `count`: the count stopped at its cap. */
      capped: z.boolean(),
    }),
  },
  'leads:rows': {
    input: z.object({ ids: z.array(LeadIdSchema).max(500) }).strict(),
    output: z.object({ rows: z.array(LeadSummarySchema) }),
  },
  'leads:counts': {
    input: none,
    output: ViewCountsSchema,
  },
  /**
   * The rating values the account's leads carry, per stage, most used first: the rating keys and
   * the palette offer these (Envoke's ratings are labels each account sets up).
   */
  'leads:rating-values': {
    input: none,
    output: z.object({ marketing: z.array(z.string()), sales: z.array(z.string()) }),
  },
  'leads:get': {
    input: z.object({ id: LeadIdSchema }).strict(),
    output: LeadDetailSchema,
  },
  /**
   * One action of the person on one or many leads; durable when this answers. Given what the
   * window shows (`shown`), the answer carries what it needs to paint (`paint`, change-answer.ts).
   */
  'leads:update': {
    input: z
      .object({
        ids: z.array(LeadIdSchema).min(1).max(10_000),
        patch: TriagePatchSchema,
        ...changeContext,
      })
      .strict(),
    output: z.object({
      actionId: z.number().int().positive().nullable(),
      changed: z.number().int(),
      paint: ChangeAnswerSchema.optional(),
    }),
  },
  'leads:create': {
    input: z
      .object({
        email: EmailSchema,
        firstName: z.string().trim().max(20).optional(),
        lastName: z.string().trim().max(20).optional(),
        company: z.string().trim().max(50).optional(),
        title: z.string().trim().max(50).optional(),
        phone: z.string().trim().max(25).optional(),
        /** Any other contact field Envoke takes; a name here wins over the one above. */
        contact: NewContactSchema.optional(),
        /** Triage fields, rule_rating, remote_id and the other lead fields Envoke takes. */
        fields: NewLeadFieldsSchema.optional(),
      })
      .strict(),
    output: z.object({ id: LeadIdSchema }),
  },
  /** Undo and redo answer as `leads:update` does: with what to paint, given what is shown. */
  'history:undo': { input: z.object(changeContext).strict(), output: undoAnswer },
  /** What undo would undo next, without undoing it: the app says so before reaching far back. */
  'history:next': {
    input: none,
    output: z.object({ undo: z.object({ label: z.string(), at: z.string() }).nullable() }),
  },
  'history:redo': { input: z.object(changeContext).strict(), output: undoAnswer },
  'outbox:list': {
    input: z.object({ includeDone: z.boolean().default(false) }).strict(),
    output: z.object({ entries: z.array(OutboxEntrySchema) }),
  },
  'outbox:retry': { input: z.object({ id: z.number().int().positive() }).strict(), output: ok },
  'outbox:discard': { input: z.object({ id: z.number().int().positive() }).strict(), output: ok },
  /** Change the values of a failed change before retrying it. */
  'outbox:edit': {
    input: z.object({ id: z.number().int().positive(), patch: TriagePatchSchema }).strict(),
    output: ok,
  },
  'conflicts:resolve': {
    input: z
      .object({
        leadId: LeadIdSchema,
        field: z.enum(TRIAGE_FIELDS),
        choice: z.enum(['mine', 'theirs']),
      })
      .strict(),
    output: ok,
  },
  'sync:run-now': { input: none, output: ok },
  'sync:status': { input: none, output: SyncStatusSchema },
  'sync:scope-get': { input: none, output: SyncScopeSchema },
  'sync:scope-set': { input: SyncScopeInputSchema, output: ok },
  /** The account's name and custom field definitions, as the last full sync read them. */
  'envoke:account': { input: none, output: EnvokeAccountSchema },
  ...viewCommands,
} as const;

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
        search,
        name: z.string().max(60).optional(),
      })
      .strict(),
    output: z.object({ path: z.string().nullable(), count: z.number().int().nonnegative() }),
  },
} as const;

export const commands = { ...coreCommands, ...appCommands } as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CoreCommandName = keyof typeof coreCommands;
export type AppCommandName = keyof typeof appCommands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type CommandArgs<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}

/** What a host implements for core commands: one async function per command, parsed input in. */
export type CoreHandlers = {
  [N in CoreCommandName]: (input: CommandArgs<N>) => Promise<CommandOutput<N>>;
};
export type AppHandlers = {
  [N in AppCommandName]: (input: CommandArgs<N>) => Promise<CommandOutput<N>>;
};
