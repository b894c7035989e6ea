/**
 * Where a narrow detail pane may break a line. Chromium breaks after a hyphen, so a date would
 * show as "2016-02-" above "05" and a phone number as "647-987-" above "1234": those are kept
 * whole. A field's key ("preferred_contact_time") is one long word: it may break after each `_`.
 */
import { Fragment, type ReactNode } from 'react';

const DATE_TIME = /(\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?)/;

/** Kept on one line, whatever its dashes. */
export function KeptWhole({ children }: { children: ReactNode }) {
  return <span className="kept-whole">{children}</span>;
}

/** `text` with every date in it, and its time, kept on one line. */
export function DatesKeptWhole({ text }: { text: string }) {
  return (
    <>
      {text
        .split(DATE_TIME)
        .map((part, i) =>
          i % 2 === 1 ? <KeptWhole key={i}>{part}</KeptWhole> : <Fragment key={i}>{part}</Fragment>,
        )}
    </>
  );
}

/** A field's key or label that may break after each `_`, never elsewhere inside a word. */
export function BreakableKey({ text }: { text: string }) {
  return (
    <>
      {text.split(/(?<=_)/).map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
