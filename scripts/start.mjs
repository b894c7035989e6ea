// `npm start`: the desktop app where an Electron binary is installed; elsewhere one line saying
// so, then the same app served to the browser (the browser host prints the URL to open).
// Arguments after `npm start --` go to the app (the browser host takes --port, --db, ...).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './electron-binary.mjs';
import { findOrDownloadElectron } from './electron-download.mjs';
import { electronLaunch } from './electron-launch.mjs';
import { asksForHelp, buildPageForThisRun } from './browser-page.mjs';

const bin = (...path) => join(projectRoot, 'node_modules', ...path);
const args = process.argv.slice(2);

/** Builds quietly; the build's output is shown only when it fails. */
function build(script, buildArgs) {
  const result = spawnSync(process.execPath, [script, ...buildArgs], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    console.error('The build failed; see above.');
    process.exit(result.status ?? 1);
  }
}

/** Runs the app in the foreground; Ctrl+C and termination reach it, its exit code is ours. */
function run(command, runArgs, env = process.env) {
  const child = spawn(command, runArgs, { cwd: projectRoot, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function serveInBrowser(why) {
  // Usage at once, nothing built.
  if (!asksForHelp(args)) console.log(`${why}; serving Lead Triage in your browser instead.`);
  const page = asksForHelp(args) ? [] : ['--page', buildPageForThisRun()];
  run(process.execPath, [
    '--import',
    'tsx',
    join('src-main', 'browser-host', 'main.ts'),
    ...page,
    ...args,
  ]);
}

const launch = electronLaunch(findOrDownloadElectron());
if (!launch.ok) {
  serveInBrowser(launch.reason);
} else {
  build(bin('electron-vite', 'bin', 'electron-vite.js'), ['build']);
  run(launch.path, ['.', ...args], launch.env);
}
