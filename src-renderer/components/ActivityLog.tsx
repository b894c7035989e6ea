/** What happened to the lead on this laptop and with Envoke, newest first. */
import type { ActivityEntry } from '../../src-preload/contract';
import { formatTime } from '../logic/format';

export function ActivityLog({ activity }: { activity: readonly ActivityEntry[] }) {
  return (
    <section className="activity" aria-label="Activity">
      <h3>Activity</h3>
      {activity.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ol>
          {activity.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{formatTime(entry.at)}</time> {entry.message}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
