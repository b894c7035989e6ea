/**
 * `export:save` in the desktop app: the save dialog, then the shared file writer, with progress
 * on the window's progress bar (taskbar / dock). Written against dialog- and window-like objects
 * so a test drives it without Electron.
 */
import type { AppHandlers, CoreHandlers } from '#contract';
import { exportFileName } from '../core';
import { writeExportFile } from '../shell-kit/export-file';

export interface SaveDialogLike {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

export interface ProgressWindowLike {
  setProgressBar(progress: number): void;
}

export function createExportSaver(deps: {
  dialog: SaveDialogLike;
  window: ProgressWindowLike;
  handlers: CoreHandlers;
  now: () => number;
}): AppHandlers['export:save'] {
  return async (request) => {
    const choice = await deps.dialog.showSaveDialog({
      title: 'Export leads',
      defaultPath: exportFileName(request.format, deps.now(), request.name ?? 'leads'),
      filters: [{ name: request.format.toUpperCase(), extensions: [request.format] }],
    });
    if (choice.canceled || !choice.filePath) return { path: null, count: 0 };
    try {
      const count = await writeExportFile(
        deps.handlers,
        request,
        choice.filePath,
        ({ done, total }) => deps.window.setProgressBar(total === 0 ? 1 : done / total),
      );
      return { path: choice.filePath, count };
    } finally {
      // A negative value removes the bar.
      deps.window.setProgressBar(-1);
    }
  };
}
