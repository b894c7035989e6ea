/** Reading the whole lead for the detail pane, whatever shape Envoke sent its parts in. */
import { describe, expect, it } from 'vitest';
import {
  addressLines,
  consentOf,
  customValues,
  dateText,
  envokeTime,
  languageText,
  tagNames,
  webAddress,
} from '../../src-renderer/logic/lead-profile';
import { ENVOKE_EXAMPLE_LEAD } from '../support/envoke-example-lead';

const example = ENVOKE_EXAMPLE_LEAD as unknown as Record<string, unknown>;
const definitions = [
  { name: 'order_portal', label: 'Order portal', type: 'url' as const },
  { name: 'widget_name', label: 'Widget of interest', type: 'text' as const },
];

describe('custom values', () => {
  it('come under their labels, in the order the account defines them; unknown keys still show', () => {
    const lead = {
      contact: {
        custom_fields: {
          region: 'East',
          widget_name: 'Gold Deluxe Model 5X33',
          empty: ' ',
          order_portal: 'https://x.example',
        },
      },
    };
    expect(customValues(lead, definitions)).toEqual([
      { key: 'order_portal', label: 'Order portal', type: 'url', value: 'https://x.example' },
      {
        key: 'widget_name',
        label: 'Widget of interest',
        type: 'text',
        value: 'Gold Deluxe Model 5X33',
      },
      { key: 'region', label: 'region', type: 'text', value: 'East' },
    ]);
    expect(customValues(example, [])).toEqual([
      { key: 'widget_name', label: 'widget_name', type: 'text', value: 'Gold Deluxe Model 5X33' },
    ]);
  });

  it('read a list of {name, value} as Envoke’s webhooks send it, and nothing from junk', () => {
    const lead = {
      contact: {
        custom_fields: [
          { name: 'widget_name', value: 'Silver' },
          { key: 'k', value: 3 },
          'junk',
          null,
        ],
      },
    };
    expect(customValues(lead, definitions).map((value) => [value.label, value.value])).toEqual([
      ['Widget of interest', 'Silver'],
      ['k', '3'],
    ]);
    expect(customValues({ contact: { custom_fields: 'text' } }, definitions)).toEqual([]);
    expect(customValues({ contact: null }, definitions)).toEqual([]);
  });
});

describe('interests and autoresponders', () => {
  it('are names from a list, a {name: "Set"} map or [{name, state}], unset ones left out', () => {
    expect(tagNames(['Business Products', 'International', 'Business Products', ''])).toEqual([
      'Business Products',
      'International',
    ]);
    expect(tagNames({ Newsletter: 'Set', Events: 'Unset' })).toEqual(['Newsletter']);
    expect(
      tagNames([
        { id: '1', name: 'Events', state: 'Set' },
        { name: 'Old', state: 'unset' },
      ]),
    ).toEqual(['Events']);
    expect(tagNames(undefined)).toEqual([]);
  });
});

describe('consent as a statement', () => {
  it('says what a salesperson may do, with the description', () => {
    const lead = {
      contact: {
        consent_status: 'Express',
        consent_description: 'Demo request form',
        consent_effective_date: '2026-03-02 10:00:00',
      },
    };
    expect(consentOf(lead, '2026-10-01')).toEqual({
      text: 'Express consent since 2026-03-02: may be emailed',
      mayEmail: true,
      description: 'Demo request form',
    });
    expect(consentOf({ contact: { consent_status: 'Not Provided' } }, '2026-10-01').text).toBe(
      'No consent: do not email',
    );
    expect(consentOf({}, '2026-10-01').text).toBe('No consent: do not email');
  });

  it('an implied consent past its expiry no longer allows email', () => {
    const implied = {
      contact: {
        consent_status: 'Implied - Inquiry',
        consent_effective_date: '2026-01-10 08:00:00',
        consent_expiry: '2026-07-11 08:00:00',
      },
    };
    expect(consentOf(implied, '2026-05-01')).toMatchObject({
      text: 'Implied consent (inquiry) since 2026-01-10, until 2026-07-11: may be emailed',
      mayEmail: true,
    });
    expect(consentOf(implied, '2026-08-01')).toMatchObject({
      text: 'Implied consent (inquiry) expired on 2026-07-11: do not email',
      mayEmail: false,
    });
    expect(
      consentOf(
        {
          contact: {
            consent_status: 'Implied - No Expiry',
            consent_effective_date: '2025-01-01 00:00:00',
          },
        },
        '2026-05-01',
      ).text,
    ).toBe('Implied consent since 2025-01-01, no expiry: may be emailed');
    expect(
      consentOf(
        { contact: { consent_status: 'Revoked', consent_effective_date: '2026-02-02 00:00:00' } },
        '2026-05-01',
      ).text,
    ).toBe('Consent revoked on 2026-02-02: do not email');
    expect(consentOf({ contact: { consent_status: 'Something new' } }, '2026-05-01')).toMatchObject(
      {
        text: 'Consent "Something new": check before emailing',
        mayEmail: false,
      },
    );
  });
});

describe('links', () => {
  it('are http and https only; a bare domain is taken as https', () => {
    expect(webAddress('https://www.acme.example/a?b=1')).toBe('https://www.acme.example/a?b=1');
    expect(webAddress('www.acme.example')).toBe('https://www.acme.example/');
    expect(webAddress('http://acme.example')).toBe('http://acme.example/');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'file:///etc/passwd',
      'mailto:a@b.c',
      'data:text/html,x',
      'vbscript:x',
      'acme',
      ' ',
      'https://',
    ])
      expect(webAddress(bad), bad).toBeNull();
  });
});

describe('formats', () => {
  it('writes dates as dates, Envoke times to the minute, languages by name, addresses in lines', () => {
    expect(dateText('2026-03-02')).toBe('March 2, 2026');
    expect(dateText('2026-02-30')).toBe('2026-02-30');
    expect(dateText('soon')).toBe('soon');
    expect(envokeTime('2016-02-05 09:13:06')).toBe('2016-02-05 09:13');
    expect(languageText('en')).toBe('English (en)');
    expect(languageText('fr')).toBe('French (fr)');
    expect(languageText('??')).toBe('??');
    expect(addressLines(example.contact as Record<string, unknown>)).toEqual([
      '401 Richmond Street West',
      'Toronto, ON M5V 5K7',
      'CA',
    ]);
  });
});
