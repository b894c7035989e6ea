export const SENTINEL: string;
export const WIRE_VERSION: number;
export function expectedWireLength(electronVersion: string): number;
export function fuseFilePath(binaryPath: string): string;
export function readFuseWires(binaryPath: string): string[];
export function writeFuses(
  binaryPath: string,
  fuses: Array<{ name: string; enabled: boolean }>,
  options: { electronVersion: string; resetAdHocDarwinSignature?: boolean },
): string;
