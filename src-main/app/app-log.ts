/**
 * The desktop app's log: electron-log writing main.log in the standard logs folder
 * (app.getPath('logs')), rotated to main.old.log past 5 MB, every line redacted first (see
 * host/log-redaction.ts) so the file can be sent to support as it is. The core's Logger writes
 * here too. Crashes leave minidumps in the crash dumps folder and are uploaded only when a crash
 * server was configured at build time.
 */
import { join } from 'node:path';
import log from 'electron-log/main';
import type { Logger } from '../core';
import { redactLogData, type Redactor } from '../shell-kit/log-redaction';

export const LOG_FILE_MAX_BYTES = 5 * 1024 * 1024;

export interface LogPaths {
  getPath(name: 'logs'): string;
}

export function openAppLog(app: LogPaths, redact: Redactor): Logger {
  log.transports.file.resolvePathFn = () => join(app.getPath('logs'), 'main.log');
  log.transports.file.maxSize = LOG_FILE_MAX_BYTES;
  log.hooks.push((message) => ({ ...message, data: redactLogData(redact, message.data) }));
  // Uncaught errors of the main process reach the file too, without a dialog.
  log.errorHandler.startCatching({ showDialog: false });
  const level =
    (write: (...data: unknown[]) => void) =>
    (message: string, detail?: Record<string, unknown>): void =>
      detail === undefined ? write(message) : write(message, detail);
  return { info: level(log.info), warn: level(log.warn), error: level(log.error) };
}
