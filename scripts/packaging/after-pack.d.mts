export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: {
    appInfo: { productFilename: string };
    executableName: string;
    info: { framework: { version: string } };
  };
}
export function electronBinaryPath(context: AfterPackContextLike): string;
export default function afterPack(context: AfterPackContextLike): Promise<void>;
