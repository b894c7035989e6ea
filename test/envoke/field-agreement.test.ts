/**
 * The app's Envoke client and the simulator must agree on Envoke's lead: the same fields, each
 * read as the type the simulator serves it. Both are built from the contract's list
 * (#contract/envoke-fields); this catches either side growing a field of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONEY_PATTERN, normalizeEnum } from '#contract/lead';
import { parseLead } from '../../src-main/core/envoke';
import {
  CONTACT_READERS,
  LEAD_ENUM_VOCABULARIES,
  LEAD_MONEY_FIELDS,
  LEAD_READERS,
} from '../../src-main/core/envoke/lead-fields';
import { startSimulator, type RunningSimulator } from '../../src-main/sim';
import { CONTACT_FIELDS, LEAD_FIELDS, MONEY_FIELDS } from '../../src-main/sim/lead-model';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, leads: 400, seed: 5 });
});
afterAll(() => sim.stop());

const readerNames = (readers: ReadonlyArray<readonly [string, unknown]>) =>
  readers.map(([name]) => name).filter((name) => name !== 'id');

describe('the client’s reader and the simulator’s model', () => {
  it('name the same lead and contact fields, in the same order', () => {
    expect(readerNames(LEAD_READERS)).toEqual([...LEAD_FIELDS]);
    expect(readerNames(CONTACT_READERS)).toEqual([...CONTACT_FIELDS]);
  });

  it('type them alike: money as money, enums from the same vocabularies', () => {
    expect([...MONEY_FIELDS].sort()).toEqual([...LEAD_MONEY_FIELDS].sort());
    const enumFields = Object.keys(LEAD_ENUM_VOCABULARIES) as Array<
      keyof typeof LEAD_ENUM_VOCABULARIES
    >;
    for (const lead of sim.store.all()) {
      for (const name of LEAD_MONEY_FIELDS) expect(lead[name], name).toMatch(MONEY_PATTERN);
      for (const name of enumFields) {
        const value = lead[name];
        expect(normalizeEnum(value, LEAD_ENUM_VOCABULARIES[name]), `${name}: ${value}`).toBe(value);
      }
    }
  });

  it('read every lead the simulator serves to the values it holds, none left undocumented', () => {
    // What the client's reader knows; anything else it would keep untouched, unread.
    const documented = new Set([...readerNames(LEAD_READERS), 'id', 'contact']);
    const contactDocumented = new Set([
      ...readerNames(CONTACT_READERS),
      'id',
      'custom_fields',
      'interests',
      'autoresponders',
    ]);
    for (const served of sim.store.all()) {
      expect(Object.keys(served).filter((key) => !documented.has(key))).toEqual([]);
      expect(Object.keys(served.contact).filter((key) => !contactDocumented.has(key))).toEqual([]);
      const read = parseLead(JSON.parse(JSON.stringify(served)));
      if (!read.ok) throw new Error(`lead ${served.id} unreadable: ${read.reason}`);
      for (const name of LEAD_FIELDS) expect(read.lead[name], name).toBe(served[name]);
      for (const name of CONTACT_FIELDS)
        expect(read.lead.contact[name], `contact.${name}`).toBe(served.contact[name]);
    }
  });
});
