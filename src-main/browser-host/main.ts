/**
 * `npm run start:browser` / `tsx src-main/browser-host/main.ts [options]`: runs the browser host until
 * interrupted and prints the one line the person needs, the URL with its token.
 */
import { dirname } from 'node:path';
import { makePrivateFolder } from '../core/db/private-files';
import { HostArgsError, parseHostArgs, USAGE } from './args';
import { CommandError } from '#contract';
import { BrowserHostError, startBrowserHost } from './browser-host';
import { DatabaseKeySetupError } from '../session/database-key';

async function main(): Promise<number> {
  let args;
  try {
    args = parseHostArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof HostArgsError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }

  if (args.dataDir !== null) {
    // "Lead Triage" and its "browser" folder are the app's own: owner-only, even if made earlier.
    makePrivateFolder(dirname(args.dataDir), { tightenExisting: true });
    makePrivateFolder(args.dataDir, { tightenExisting: true });
  }

  let host;
  try {
    host = await startBrowserHost({
      port: args.port,
      dbPath: args.dbPath,
      account: args.account,
      demoLeads: args.demoLeads,
      coreIn: args.coreIn,
      freshDemo: args.freshDemo,
    });
  } catch (error) {
    if (error instanceof CommandError && error.code === 'storage-key') {
      // One line: what is wrong, what starting over would lose, and how.
      console.error(`${error.message} To do so, delete ${args.dbPath} and start again.`);
      return 1;
    }
    if (
      !(error instanceof BrowserHostError) &&
      !(error instanceof DatabaseKeySetupError) &&
      !(error instanceof CommandError)
    )
      throw error;
    console.error(error.message);
    return 1;
  }
  console.log(`Lead Triage is running at ${host.url}`);

  const running = host;
  await new Promise<void>((done) => {
    // `npm start` forwards the signal the terminal already sent: a second one must not cut the
    // clean stop short.
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      void running.stop().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

process.exitCode = await main();
