export const TEST_BUILD_ENV: string;
export function isTestBuild(env: Record<string, string | undefined>): boolean;
export function fuseSettings(env: Record<string, string | undefined>): Record<string, boolean>;
export function fuseConfig(
  env: Record<string, string | undefined>,
  target: { platform: string; arch: string },
): Record<string, unknown>;
