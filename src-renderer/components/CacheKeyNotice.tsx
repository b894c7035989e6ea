/** Settings: how the key that encrypts the local cache is kept (see logic/cache-key.ts). */
import { cacheKeyWords } from '../logic/cache-key';
import { useStore } from '../store/store';

export function CacheKeyNotice() {
  const info = useStore((s) => s.info);
  if (!info) return null;
  return (
    <section className="settings-section" aria-labelledby="cache-key-title">
      <h3 id="cache-key-title">Local cache</h3>
      <p className="muted">{cacheKeyWords(info)}</p>
    </section>
  );
}
