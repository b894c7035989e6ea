/**
 * Log lines on stderr, so stdout stays free for what the person needs (the URL to open).
 */
import type { Logger } from '../core';

function line(level: string, message: string, detail?: Record<string, unknown>): string {
  const suffix = detail === undefined ? '' : ` ${JSON.stringify(detail)}`;
  return `${new Date().toISOString()} ${level} ${message}${suffix}`;
}

export function createConsoleLogger(): Logger {
  return {
    info: (message, detail) => console.error(line('info', message, detail)),
    warn: (message, detail) => console.error(line('warn', message, detail)),
    error: (message, detail) => console.error(line('error', message, detail)),
  };
}
