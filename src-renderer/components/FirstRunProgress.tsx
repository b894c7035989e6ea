/** The first download from Envoke, with counts and rate, until the first sync has finished. */
import { progressWords } from '../logic/format';
import { useStore } from '../store/store';

export function FirstRunProgress() {
  const progress = useStore((s) => (s.sync?.lastSyncAt === null ? s.sync.progress : null));
  if (!progress) return null;
  const share = progress.total ? Math.min(1, progress.done / progress.total) : null;
  return (
    <div className="first-run">
      <span>{progressWords(progress)}</span>
      <div
        className={`progress${share === null ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label="First sync"
        aria-valuemin={0}
        aria-valuemax={progress.total ?? undefined}
        aria-valuenow={progress.total === null ? undefined : progress.done}
      >
        <div
          className="progress-fill"
          style={share === null ? undefined : { width: `${share * 100}%` }}
        />
      </div>
    </div>
  );
}
