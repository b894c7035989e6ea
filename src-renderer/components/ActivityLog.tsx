/**
 * What happened to the lead on this laptop and with Envoke, newest first. A change of the person
 * is one entry that shows where it stands with Envoke, updated in place.
 */
import type { ActivityEntry } from '#contract';
import { deliveryLabel } from '../logic/delivery';
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
            <li key={entry.id} data-delivery={entry.delivery ?? undefined}>
              <time dateTime={entry.at}>{formatTime(entry.at)}</time> {entry.message}
              {entry.delivery === null ? null : (
                <span className={`delivery delivery-${entry.delivery}`}>
                  {deliveryLabel(entry.delivery, entry.deliveryNote)}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
