/**
 * The contact keys of leads (contact-keys.ts, migration 0098), written with each lead: the
 * `lead_contact_keys` index, and each lead's phone digits in `lead_phones`, which a search for a
 * fragment most numbers hold reads newest first instead (reads/search-plan.ts).
 */
import type Database from 'better-sqlite3';
import { contactKeys, leadPhoneDigits } from './contact-keys';
import { contactField, type LeadRecord } from './lead-record';

/** What the keys of a lead are made from: nothing is written when neither changed. */
function sameContact(a: LeadRecord, b: LeadRecord): boolean {
  return (
    contactField(a, 'email') === contactField(b, 'email') &&
    contactField(a, 'phone') === contactField(b, 'phone')
  );
}

export class ContactIndex {
  private readonly insertKeys: Database.Statement;
  private readonly replaceKeys: Database.Statement;
  private readonly deleteKeys: Database.Statement;
  private readonly writePhone: Database.Statement;
  private readonly deletePhone: Database.Statement;

  constructor(db: Database.Database) {
    this.insertKeys = db.prepare('INSERT INTO lead_contact_keys (rowid, keys) VALUES (?, ?)');
    this.replaceKeys = db.prepare(
      'INSERT OR REPLACE INTO lead_contact_keys (rowid, keys) VALUES (?, ?)',
    );
    this.deleteKeys = db.prepare('DELETE FROM lead_contact_keys WHERE rowid = ?');
    this.writePhone = db.prepare('INSERT OR REPLACE INTO lead_phones (id, digits) VALUES (?, ?)');
    this.deletePhone = db.prepare('DELETE FROM lead_phones WHERE id = ?');
  }

  /** For a lead that has never been indexed (cheaper than a replace). */
  add(id: number, record: LeadRecord): void {
    const keys = contactKeys(record);
    if (keys !== '') this.insertKeys.run(id, keys);
    const digits = leadPhoneDigits(record);
    if (digits !== '') this.writePhone.run(id, digits);
  }

  /** The lead is now `record`; with `previous`, nothing is written when its email and phone stay. */
  put(id: number, record: LeadRecord, previous?: LeadRecord): void {
    if (previous !== undefined && sameContact(record, previous)) return;
    const keys = contactKeys(record);
    if (keys === '') this.deleteKeys.run(id);
    else this.replaceKeys.run(id, keys);
    const digits = leadPhoneDigits(record);
    if (digits === '') this.deletePhone.run(id);
    else this.writePhone.run(id, digits);
  }

  remove(id: number): void {
    this.deleteKeys.run(id);
    this.deletePhone.run(id);
  }
}
