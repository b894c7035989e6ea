/** Action labels with the active stage's words filled in, for the palette and help overlay. */
import { STAGES, statusForKey, type Stage } from '../logic/stage';
import type { ActionSpec } from './specs';

/** `ratings`: the value each rating action sets in the active stage (selectRatingsOnKeys). */
export function actionLabel(
  action: ActionSpec,
  stage: Stage,
  ratings: readonly (string | undefined)[],
): string {
  const status = /^status-(\d)$/.exec(action.id);
  if (status)
    return `${STAGES[stage].label} status: ${statusForKey(stage, Number(status[1])) ?? '?'}`;
  const rating = /^rating-(\d)$/.exec(action.id);
  if (rating) {
    const value = ratings[Number(rating[1]) - 1];
    return `${STAGES[stage].label} rating: ${value ?? '(none: add one in Settings)'}`;
  }
  if (action.id === 'rating-pick') return `${STAGES[stage].label} rating…`;
  return action.label;
}
