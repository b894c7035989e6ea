/**
 * Validation problems in a person's words. zod describes a problem by its path and in terms of
 * types ("patch.marketing_rating_status: Invalid input: expected string"); a salesperson reads
 * "Marketing status must be text." Every place that shows a validation problem (the command gate,
 * the core, the forms) goes through `describeIssues`, so no internal name reaches a person.
 *
 * A message a schema wrote for people is kept as it is; zod's own English, which speaks of types
 * and never names the field, is replaced by a sentence built from the field's label.
 */
import type { z } from 'zod';
import { FIELD_LABELS } from './lead';
import { plainText } from './plain-text';

type Issue = z.core.$ZodIssue;

/** Inputs that are not triage fields: the account form, the new-lead form, list and sync inputs. */
const INPUT_LABELS: Record<string, string> = {
  ...FIELD_LABELS,
  baseUrl: 'Envoke address',
  apiId: 'API ID',
  apiKey: 'API key',
  sessionOnly: 'Keep the key only for this session',
  contact: 'Contact',
  email: 'Email',
  firstName: 'First name',
  first_name: 'First name',
  lastName: 'Last name',
  last_name: 'Last name',
  company: 'Company',
  title: 'Title',
  phone: 'Phone',
  fields: 'Lead fields',
  patch: 'Change',
  ids: 'Leads',
  id: 'Lead',
  leadId: 'Lead',
  view: 'View',
  search: 'Search',
  limit: 'Number of leads',
  after: 'Position in the list',
  field: 'Field',
  choice: 'Choice',
  includeDone: 'Include sent changes',
  autoAdvance: 'Auto-advance',
  theme: 'Theme',
  keymap: 'Keys',
  ratings: 'Rating values',
  marketing: 'Marketing ratings',
  sales: 'Sales ratings',
  salespeople: 'Salespeople',
  marketingStatuses: 'Marketing statuses',
  salesStatuses: 'Sales statuses',
};

/** "rule_rating" -> "Rule rating", "remoteId" -> "Remote id": never the raw key. */
function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  if (words === '') return 'This value';
  // A caller's made-up key can be a megabyte long: a label is a few words.
  const shown = words.length > 40 ? `${words.slice(0, 39)}…` : words;
  return shown[0]!.toUpperCase() + shown.slice(1);
}

/** The label of the innermost named part of a path; null for a problem with the whole input. */
export function labelOfPath(path: readonly PropertyKey[]): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const part = path[i];
    // Own labels only: a key such as "constructor" is the caller's, not Object.prototype's.
    if (typeof part === 'string')
      return Object.hasOwn(INPUT_LABELS, part) ? INPUT_LABELS[part]! : humanise(part);
  }
  return null;
}

/** zod's own wording, as opposed to a message a schema wrote for people. */
const ZOD_WORDING = /^(Invalid|Too (big|small)|Unrecognized key|Expected |Required$)/;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of fields',
};

const count = new Intl.NumberFormat('en-US');

function sizeSentence(issue: Issue & { code: 'too_big' | 'too_small' }, label: string): string {
  const bound = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  const n = count.format(bound);
  if (issue.origin === 'string') {
    if (issue.code === 'too_small' && bound <= 1) return `Enter the ${lowerLabel(label)}.`;
    return issue.code === 'too_big'
      ? `${label} is limited to ${n} ${bound === 1 ? 'character' : 'characters'}.`
      : `${label} needs at least ${n} characters.`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    if (issue.code === 'too_small' && bound <= 1) return `${label}: choose at least one.`;
    return issue.code === 'too_big'
      ? `${label}: at most ${n} at a time.`
      : `${label}: at least ${n} at a time.`;
  }
  if (issue.inclusive === false)
    return issue.code === 'too_big'
      ? `${label} must be less than ${n}.`
      : `${label} must be more than ${n}.`;
  return issue.code === 'too_big'
    ? `${label} must be at most ${n}.`
    : `${label} must be at least ${n}.`;
}

/** "API ID" stays as it is; "Marketing note" reads "marketing note" inside a sentence. */
function lowerLabel(label: string): string {
  return /^[A-Z]{2}/.test(label) ? label : label[0]!.toLowerCase() + label.slice(1);
}

function quoted(value: unknown): string {
  const text = String(value);
  return `“${text.length > 40 ? `${text.slice(0, 39)}…` : text}”`;
}

/** One problem as one sentence, ending with a full stop. */
export function issueSentence(issue: Issue): string {
  const label = labelOfPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const where = label ? ` in ${lowerLabel(label)}` : '';
    const named = issue.keys.slice(0, 5).map(quoted).join(', ');
    const keys = issue.keys.length > 5 ? `${named} and ${issue.keys.length - 5} more` : named;
    return issue.keys.length === 1
      ? `There is no field ${keys}${where} that can be set here.`
      : `There are no fields ${keys}${where} that can be set here.`;
  }
  if (!ZOD_WORDING.test(issue.message)) return asFullStop(issue.message);
  const subject = label ?? 'This value';
  switch (issue.code) {
    case 'invalid_type': {
      if (/received undefined$/.test(issue.message)) return `${subject} is required.`;
      const expected = TYPE_WORDS[String(issue.expected)] ?? 'something else';
      return `${subject} must be ${expected}.`;
    }
    case 'too_big':
    case 'too_small':
      return sizeSentence(issue, subject);
    case 'invalid_value':
      return `${subject} must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      return issue.format === 'url'
        ? `${subject} must be a web address, such as https://e1.envoke.com.`
        : `${subject} is not in the expected form.`;
    default:
      return `${subject} is not valid here.`;
  }
}

function asFullStop(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const MAX_ISSUES_SHOWN = 3;

/** The first few problems as sentences, then how many more there are. */
export function describeIssues(issues: readonly Issue[]): string {
  // A schema's own message may quote what was sent (an enum value): shown plain and bounded.
  const sentences = [...new Set(issues.map((issue) => plainText(issueSentence(issue), 300)))];
  const shown = sentences.slice(0, MAX_ISSUES_SHOWN).join(' ');
  const more = sentences.length - MAX_ISSUES_SHOWN;
  if (more <= 0) return shown === '' ? 'These values cannot be used.' : shown;
  return `${shown} (${more} more ${more === 1 ? 'problem' : 'problems'}.)`;
}
