/** A core over a benchmark cache that never reaches Envoke (nothing starts a sync). */
import { createCore } from '../src-main/core/create-core';
import { createEnvokeClient } from '../src-main/core/envoke';
import type { Core } from '../src-main/core/api';
import { BENCH_DB_KEY } from './bench-key';

export function offlineCore(dbPath: string): Core {
  return createCore({
    dbPath,
    dbKey: BENCH_DB_KEY,
    envoke: createEnvokeClient({ baseUrl: 'http://127.0.0.1:9', apiId: 'bench', apiKey: 'bench' }),
  });
}
