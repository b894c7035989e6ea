/**
 * Every field Envoke keeps on the lead, known or not, for reference: nested objects (the contact,
 * its custom fields) shown nested, each under its label where the app knows one, else its key.
 * Empty values are left out. The triage fields are above, with the person's unsent changes.
 */
import { useMemo, type ReactNode } from 'react';
import { TRIAGE_FIELDS } from '#contract';
import type { CustomFieldDefinition } from '#contract/envoke-account';
import { contactLabel, leadLabel } from '../logic/envoke-labels';
import { useStore } from '../store/store';
import { BreakableKey } from './LineBreaks';

type Labels = (key: string, path: readonly string[]) => string;

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isEmpty);
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** Shown on one line: a value, or a list of values. */
function isFlat(value: unknown): boolean {
  return isScalar(value) || (Array.isArray(value) && value.every(isScalar));
}

/** How many values a tree holds, for the summary's count. */
function countValues(value: unknown): number {
  if (isEmpty(value)) return 0;
  if (isFlat(value)) return 1;
  return Object.values(value as object).reduce<number>((sum, item) => sum + countValues(item), 0);
}

function Value({
  value,
  path,
  labels,
}: {
  value: unknown;
  path: string[];
  labels: Labels;
}): ReactNode {
  if (isScalar(value)) return String(value);
  if (Array.isArray(value) && value.every(isScalar))
    return value.filter((item) => !isEmpty(item)).join(', ');
  return <Tree node={value as object} path={path} labels={labels} />;
}

function Tree({ node, path, labels }: { node: object; path: string[]; labels: Labels }) {
  const entries = Object.entries(node).filter(([, value]) => !isEmpty(value));
  return (
    <dl className="fields all-fields-level">
      {entries.map(([key, value]) => (
        <div key={key} className="field-pair">
          <dt title={labels(key, path) === key ? undefined : key}>
            <BreakableKey text={labels(key, path)} />
          </dt>
          {/* A nested object takes the whole width under its label. */}
          <dd className={isFlat(value) ? undefined : 'nested'}>
            <Value value={value} path={[...path, key]} labels={labels} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function labelsWith(definitions: readonly CustomFieldDefinition[]): Labels {
  const custom = new Map(definitions.map((definition) => [definition.name, definition.label]));
  return (key, path) => {
    if (path.length === 0) return leadLabel(key);
    if (path.length === 1 && path[0] === 'contact') return contactLabel(key);
    if (path.length === 2 && path[1] === 'custom_fields') return custom.get(key) ?? key;
    return key;
  };
}

export function AllFields({ record }: { record: Record<string, unknown> }) {
  const definitions = useStore((s) => s.envokeAccount?.customFields);
  const labels = useMemo(() => labelsWith(definitions ?? []), [definitions]);
  const shown = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(record).filter(
          ([field]) => !(TRIAGE_FIELDS as readonly string[]).includes(field),
        ),
      ),
    [record],
  );
  const count = countValues(shown);
  if (count === 0) return null;
  return (
    <details className="other-fields">
      <summary>All fields ({count})</summary>
      <Tree node={shown} path={[]} labels={labels} />
    </details>
  );
}
