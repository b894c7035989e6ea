// electron-builder's afterPack hook (electron-builder.yml): flips the fuses of the packed Electron
// binary (fuses.mjs) before it is signed.
import { join } from 'node:path';
import { writeFuses } from './fuse-wire.mjs';
import { fuseSettings, isTestBuild } from './fuses.mjs';

/** electron-builder's Arch enum, as numbers in the context. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** The file that holds the fuse wire for each platform. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const platform = context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  if (isTestBuild(process.env)) {
    console.log('  • test build: the --inspect arguments stay on (LEAD_TRIAGE_TEST_BUILD)');
  }
  const binary = electronBinaryPath(context);
  const wire = writeFuses(binary, fuseSettings(process.env), {
    electronVersion: context.packager.info.framework.version,
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
  });
  console.log(`  • fuses set  wire=${wire} file=${binary}`);
}
