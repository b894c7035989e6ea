// `npm run start:browser -- [options]`: the app in your browser, without trying Electron. The
// page is built for this run (browser-page.mjs) and the browser host started on it; `--help`
// prints the host's usage at once, without building. Arguments go to the host.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './electron-binary.mjs';
import { asksForHelp, buildPageForThisRun } from './browser-page.mjs';

const args = process.argv.slice(2);
const host = join('src-main', 'browser-host', 'main.ts');
const page = asksForHelp(args) ? [] : ['--page', buildPageForThisRun()];
const child = spawn(process.execPath, ['--import', 'tsx', host, ...page, ...args], {
  cwd: projectRoot,
  stdio: 'inherit',
});
// Ctrl+C and termination reach the host, which stops cleanly; its exit code is ours.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
