/** The pipeline panel's one read: leads through the lifecycle over a period. */
import type { CommandInput, CommandOutput } from '#contract';
import { invoke } from '../bridge/client';

export function readPipeline(
  period: CommandInput<'pipeline:get'>,
): Promise<CommandOutput<'pipeline:get'>> {
  return invoke('pipeline:get', period);
}
