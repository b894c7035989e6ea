/**
 * Where the window opens: where it was last, unless that place is no longer on any screen (a
 * monitor unplugged since), in which case it opens at the default size, centred.
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type WindowBounds = { width: number; height: number; x?: number; y?: number };

export const DEFAULT_WINDOW_SIZE: WindowBounds = Object.freeze({ width: 1280, height: 800 });

export const SavedBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** Enough of the title bar must show on one screen for the person to grab it. */
const MIN_VISIBLE = { width: 120, height: 40 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

export function restoreBounds(saved: unknown, workAreas: readonly Rect[]): WindowBounds {
  const parsed = SavedBoundsSchema.safeParse(saved);
  if (!parsed.success) return DEFAULT_WINDOW_SIZE;
  const bounds = parsed.data;
  const titleBar = { ...bounds, height: Math.min(bounds.height, MIN_VISIBLE.height) };
  const screen = workAreas.find((area) => {
    const seen = overlap(titleBar, area);
    return seen.width >= MIN_VISIBLE.width && seen.height >= Math.min(titleBar.height, MIN_VISIBLE.height);
  });
  if (!screen) return DEFAULT_WINDOW_SIZE;
  return {
    x: bounds.x,
    y: bounds.y,
    width: Math.min(bounds.width, screen.width),
    height: Math.min(bounds.height, screen.height),
  };
}
