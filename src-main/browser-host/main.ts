/**
 * `npm run start:browser` / `tsx src-main/browser-host/main.ts [options]`: runs the browser host until
 * interrupted and prints the one line the person needs, the URL with its token.
 */
import { dirname } from 'node:path';
import { HostArgsError, parseHostArgs, USAGE } from './args';

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
  // Loaded only now: --help and a mistaken option answer at once, without loading the core.
  const [{ makePrivateFolder }, { CommandError }, { BrowserHostError, startBrowserHost }, keys] =
    await Promise.all([
      import('../core'),
      import('#contract'),
      import('./browser-host'),
      import('../shell-kit/database-key'),
    ]);

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
      ...(args.pageDir === undefined ? {} : { rendererDir: args.pageDir }),
      freshDemo: args.freshDemo,
    });
  } catch (error) {
    if (
      !(error instanceof BrowserHostError) &&
      !(error instanceof keys.DatabaseKeySetupError) &&
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
