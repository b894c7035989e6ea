/** The small shapes every group of commands repeats: no input, a plain "done", a list's search. */
import { z } from 'zod';

export const none = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });

/** The words typed in the list's search box; blank is no search. */
export const searchText = z.string().trim().max(200).optional();
