/**
 * Rating values: the ones the account's leads carry (read-only, most used first) and the ones the
 * person adds, one per line, per stage. Added values come after the account's on the rating keys,
 * in the rating picker and in the palette.
 */
import { useState } from 'react';
import { describeIssues, RatingChoicesSchema, type RatingChoices } from '#contract';
import { errorMessage } from '../controller/errors';
import { savePreferences } from '../controller/list-keys';
import { STAGES, type Stage } from '../logic/stage';
import { useStore } from '../store/store';
import { FormMessage } from './FormMessage';

const STAGE_ORDER: readonly Stage[] = ['marketing', 'sales'];

function lines(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

export function RatingSettings() {
  const account = useStore((s) => s.accountRatings);
  const added = useStore((s) => s.prefs.ratings);
  const [texts, setTexts] = useState<Record<Stage, string>>({
    marketing: added.marketing.join('\n'),
    sales: added.sales.join('\n'),
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async () => {
    const ratings: RatingChoices = { marketing: lines(texts.marketing), sales: lines(texts.sales) };
    const checked = RatingChoicesSchema.safeParse(ratings);
    if (!checked.success) {
      setMessage({ ok: false, text: describeIssues(checked.error.issues) });
      return;
    }
    try {
      await savePreferences({ ratings: checked.data });
      setMessage({ ok: true, text: 'Rating values saved.' });
    } catch (failure) {
      setMessage({ ok: false, text: errorMessage(failure) });
    }
  };

  return (
    <section className="settings-section" aria-labelledby="ratings-title">
      <h3 id="ratings-title">Rating values</h3>
      <p className="muted">
        The rating keys offer the values your leads already carry, most used first, then the ones
        you add here.
      </p>
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {STAGE_ORDER.map((stage) => (
          <div key={stage} className="rating-stage">
            <label className="editor-field">
              <span>{STAGES[stage].label} ratings you add (one per line)</span>
              <textarea
                rows={3}
                value={texts[stage]}
                onChange={(event) => setTexts((old) => ({ ...old, [stage]: event.target.value }))}
              />
            </label>
            <p className="muted">
              From your leads: {account[stage].length > 0 ? account[stage].join(' · ') : 'none yet'}
            </p>
          </div>
        ))}
        <FormMessage message={message} />
        <div className="dialog-actions">
          <button type="submit">Save rating values</button>
        </div>
      </form>
    </section>
  );
}
