/** The pipeline screen's one command: each step's count and weekly trend over a period. */
import { z } from 'zod';

export const PIPELINE_STEPS = ['new', 'passed', 'rated-good', 'opportunity', 'sale'] as const;
export type PipelineStepId = (typeof PIPELINE_STEPS)[number];

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Write dates as YYYY-MM-DD');

export const PipelineSchema = z.object({
  from: z.string(),
  to: z.string(),
  steps: z.array(
    z.object({
      id: z.enum(PIPELINE_STEPS),
      label: z.string(),
      count: z.number().int().nonnegative(),
      /** Share of the step before, 0..1; null for the first step or when the step before is 0. */
      rate: z.number().nonnegative().nullable(),
      /** The leads of this bar, as a query a view can open. */
      query: z.string(),
      /** Counts per week of the period, oldest first. */
      weekly: z.array(z.object({ week: z.string(), count: z.number().int().nonnegative() })),
    }),
  ),
  salespeople: z.array(z.string()),
});
export type Pipeline = z.infer<typeof PipelineSchema>;

export const pipelineCommands = {
  'pipeline:get': {
    input: z
      .object({
        from: DaySchema,
        /** Inclusive. */
        to: DaySchema,
        salesperson: z.string().trim().max(100).optional(),
      })
      .strict()
      .refine((input) => input.from <= input.to, 'The period ends before it starts'),
    output: PipelineSchema,
  },
} as const;
