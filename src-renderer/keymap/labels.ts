/** Action labels with the active stage's words filled in, for the palette and help overlay. */
import { STAGES, statusForKey, type Stage } from '../logic/stage';
import type { ActionSpec } from './specs';

export function actionLabel(action: ActionSpec, stage: Stage): string {
  const match = /^status-(\d)$/.exec(action.id);
  if (match)
    return `${STAGES[stage].label} status: ${statusForKey(stage, Number(match[1])) ?? '?'}`;
  if (action.id.startsWith('rating-')) return `${action.label} (${STAGES[stage].label})`;
  return action.label;
}
