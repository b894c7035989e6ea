/**
 * "480/500" under a field with a length limit, as the person types. Text is never cut to fit:
 * past the limit the counter says by how much, and saving says so in a sentence.
 */
import { formatCount } from '../logic/format';

interface Props {
  id: string;
  length: number;
  max: number;
  /** Very long limits (notes) show the counter only once the text comes near them. */
  showFrom?: number;
}

export function LengthCounter({ id, length, max, showFrom = 0 }: Props) {
  if (length < showFrom) return null;
  const over = length - max;
  return (
    <span id={id} className={`length-counter${over > 0 ? ' over' : ''}`}>
      {formatCount(length)}/{formatCount(max)}
      {over > 0 ? ` · ${formatCount(over)} too many` : ''}
    </span>
  );
}
