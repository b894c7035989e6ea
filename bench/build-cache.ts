/** `tsx bench/build-cache.ts 1000000`: builds one benchmark cache (run it under `nice`). */
import { buildCache } from './cache';

const leads = Number(process.argv[2]);
if (!Number.isInteger(leads) || leads <= 0) {
  console.error('Give the number of leads, such as 1000000.');
  process.exit(2);
}
const started = performance.now();
const cache = buildCache(leads, (line) => console.log(line));
console.log(
  `${cache.path}: ${leads.toLocaleString('en')} leads in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
