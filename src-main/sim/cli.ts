/** `npm run sim -- [flags]`: runs the Envoke simulator until SIGINT or SIGTERM. */
import { CliUsageError, USAGE, parseCliArgs } from './cli-args';
import { SimConfigError, startSimulator } from './index';

async function main(): Promise<number> {
  let command;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  let simulator;
  try {
    simulator = await startSimulator(command.options);
  } catch (error) {
    if (!(error instanceof SimConfigError)) throw error;
    console.error(error.message);
    return 2;
  }
  const apiId = command.options.apiId ?? 'demo';
  console.log(
    `Envoke simulator listening on ${simulator.url} (${simulator.store.count()} leads, API ID ${apiId})`,
  );
  if (command.options.control === true) console.log(`Control endpoints at ${simulator.url}/_sim/`);
  if (simulator.stateProblem !== null) console.error(simulator.stateProblem);
  const running = simulator;
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string): void => {
      console.log(`Envoke simulator stopping (${signal})`);
      void running.stop().then(resolve);
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  return 0;
}

process.exitCode = await main();
