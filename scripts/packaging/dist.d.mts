export const UPDATE_URL_ENV: string;
export const CRASH_URL_ENV: string;
export function builderArgs(
  platform: string,
  env: Record<string, string | undefined>,
  extra: string[],
): string[];
