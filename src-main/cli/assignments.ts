/** `field=value` words of `set`, `create` and `resolve`. */
import { UsageError } from './args';

export function parseAssignments(words: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const word of words) {
    const at = word.indexOf('=');
    if (at <= 0) throw new UsageError(`Expected field=value, got "${word}"`);
    fields[word.slice(0, at)] = word.slice(at + 1);
  }
  return fields;
}
