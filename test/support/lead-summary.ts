/** A lead as the list shows it, for renderer tests: a synced lead of Acme unless told otherwise. */
import type { LeadSummary } from '#contract';

export function leadSummary(id: number, fields: Partial<LeadSummary> = {}): LeadSummary {
  return {
    id,
    envokeId: String(1000 + id),
    contactName: `Person ${id}`,
    company: 'Acme',
    email: `p${id}@acme.example`,
    createTime: '2026-05-01 10:00:00',
    marketing_rating_status: '',
    marketing_rating: '',
    sales_rating_status: '',
    sales_rating: '',
    opportunity: '',
    sale: '',
    salesperson: '',
    syncState: 'synced',
    goneFromEnvoke: false,
    ...fields,
  };
}
