/**
 * Reading a whole list page by page. Envoke pages by offset and does not say where the list
 * ends or how large its pages may be; this decides when a scan is over.
 */
import { invalidInput } from './client-options';
import { EnvokeError } from './errors';
import { MAX_PAGE_SIZE, type ListQuery } from './query';
import type { LeadPage } from './reply-shapes';

export type PagesQuery = Omit<ListQuery, 'skip' | 'limit'> & {
  pageSize?: number;
  startSkip?: number;
};

/**
 * Offset paging, `sort[id]=ASC` unless told otherwise so pages stay stable. Envoke's real page
 * cap is unknown: a short page may be the end or the cap. So after a short page one more page
 * is read; if it is empty the scan is over, otherwise the short size is Envoke's cap and from
 * then on a page shorter than that ends the scan. Costs one extra request per scan.
 */
export async function* pageThrough(
  listLeads: (query: ListQuery) => Promise<LeadPage>,
  query: PagesQuery = {},
): AsyncGenerator<LeadPage & { skip: number }> {
  const { pageSize = MAX_PAGE_SIZE, startSkip = 0, ...rest } = query;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw invalidInput(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  const base: ListQuery = { ...rest, sort: rest.sort ?? { id: 'ASC' } };
  let skip = startSkip;
  let expected = pageSize;
  let capKnown = false;
  let shortSize: number | null = null;
  let previousFirst: string | null = null;
  for (;;) {
    const page = await listLeads({ ...base, skip, limit: pageSize });
    if (page.received === 0) return;
    const first = page.leads[0]?.id ?? page.invalid[0]?.id ?? null;
    if (first !== null && first === previousFirst) {
      // A server ignoring `skip` would otherwise be paged forever.
      throw new EnvokeError('malformed', `Envoke sent the same page again for skip ${skip}`);
    }
    previousFirst = first;
    if (shortSize !== null) {
      expected = shortSize;
      capKnown = true;
      shortSize = null;
    }
    yield { ...page, skip };
    skip += page.received;
    if (page.received < expected) {
      if (capKnown) return;
      shortSize = page.received;
    }
  }
}
