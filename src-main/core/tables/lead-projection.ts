/**
 * The projection columns of `leads`: the fields of what the person sees copied into columns of
 * their own, so lists, sorting, counts and the query language read indexed columns rather than
 * parse each lead's JSON. One list of columns and one function that fills them, so every write
 * (insert, the person's change, Envoke's change) projects a lead the same way.
 */
import { contactField, contactName, field, type LeadRecord } from './lead-record';

export const PROJECTION_COLUMNS = [
  'sort_key',
  'contact_name',
  'company',
  'email',
  'marketing_rating_status',
  'marketing_rating',
  'sales_rating_status',
  'sales_rating',
  'opportunity',
  'sale',
  'salesperson',
];

/** `column = ?, …` for every projection column, in their order: the body of a full UPDATE. */
export const PROJECTION_SET = PROJECTION_COLUMNS.map((column) => `${column} = ?`).join(', ');

/** The projection columns of a record, in the order of PROJECTION_COLUMNS. */
export function projection(record: LeadRecord): string[] {
  return [
    field(record, 'create_time'),
    contactName(record),
    contactField(record, 'company'),
    contactField(record, 'email'),
    field(record, 'marketing_rating_status'),
    field(record, 'marketing_rating'),
    field(record, 'sales_rating_status'),
    field(record, 'sales_rating'),
    field(record, 'opportunity'),
    field(record, 'sale'),
    field(record, 'salesperson'),
  ];
}
