/** A settings form's answer after saving: a quiet confirmation, or a problem read out as an alert. */
export interface FormOutcome {
  ok: boolean;
  text: string;
}

export function FormMessage({ message }: { message: FormOutcome | null }) {
  if (!message) return null;
  return (
    <p className={message.ok ? 'form-ok' : 'form-error'} role={message.ok ? undefined : 'alert'}>
      {message.text}
    </p>
  );
}
