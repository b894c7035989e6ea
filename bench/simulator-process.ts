/** The simulator in a child process, so its work does not count against the measured loop. */
import { spawn, type ChildProcess } from 'node:child_process';

export const account = { apiId: 'bench', apiKey: 'bench' };
export const basicAuth = `Basic ${Buffer.from(`${account.apiId}:${account.apiKey}`).toString('base64')}`;

export async function startSimulatorProcess(
  leads: number,
  extra: string[] = [],
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-main/sim/cli.ts',
      '--port',
      '0',
      '--leads',
      String(leads),
      '--api-id',
      account.apiId,
      '--api-key',
      account.apiKey,
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /https?:\/\/127\.0\.0\.1:\d+/.exec(seen);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) =>
      reject(new Error(`the simulator exited (${code}) before listening`)),
    );
  });
  return { url, child };
}
