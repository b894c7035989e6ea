/**
 * The browser host in a process of its own, bundled by app-core.ts beside the core worker so it
 * starts as an installed app does (no TypeScript compiled at start): `node browser-host.mjs JSON`
 * with the options below, the database key in LEAD_TRIAGE_DB_KEY. Prints the URL line
 * `npm run start:browser` prints, and stops on SIGTERM.
 */
import { startBrowserHost } from '../src-main/browser-host/browser-host';

export interface HostEntryOptions {
  dbPath: string;
  /** Envoke's address; null for demo data from the host's own simulator. */
  account: { baseUrl: string; apiId: string; apiKey: string } | null;
  demoLeads: number;
  coreIn: 'worker' | 'process';
  rendererDir: string;
}

const options = JSON.parse(process.argv[2] ?? '') as HostEntryOptions;
const host = await startBrowserHost({
  port: 0,
  dbPath: options.dbPath,
  account: options.account,
  demoLeads: options.demoLeads,
  coreIn: options.coreIn,
  rendererDir: options.rendererDir,
  logger: { info() {}, warn() {}, error: (message) => console.error(message) },
});
console.log(`Lead Triage is running at ${host.url}`);
process.once('SIGTERM', () => void host.stop().then(() => process.exit(0)));
