export const TEST_BUILD_ENV: string;
export function isTestBuild(env: Record<string, string | undefined>): boolean;
export function fuseSettings(
  env: Record<string, string | undefined>,
): Array<{ name: string; enabled: boolean }>;
