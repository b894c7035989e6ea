/**
 * A web address from a lead, as a link that opens outside the app: in the desktop app the
 * system browser opens it (through a validated command; the app's window never navigates), in
 * the browser host a new tab with no way back to this one. Anything but http(s) stays text.
 */
import type { ReactNode } from 'react';
import { openExternal } from '../controller/envoke-account';
import { webAddress } from '../logic/lead-profile';
import { useStore } from '../store/store';

export function ExternalLink({ value, children }: { value: string; children?: ReactNode }) {
  const host = useStore((s) => s.info?.host);
  const href = webAddress(value);
  if (href === null) return <>{children ?? value}</>;
  return (
    <a
      className="external-link"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      title={`Opens ${href} in your browser`}
      onClick={(event) => {
        if (host !== 'electron') return;
        event.preventDefault();
        void openExternal(href);
      }}
    >
      {children ?? value}
    </a>
  );
}
