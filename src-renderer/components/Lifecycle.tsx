/** Where the lead stands in Envoke's lifecycle: new lead > marketing > sales > opportunity > sale. */
import { LIFECYCLE, lifecycleStep } from '../logic/stage';

interface Props {
  lead: Parameters<typeof lifecycleStep>[0];
}

export function Lifecycle({ lead }: Props) {
  const reached = LIFECYCLE.indexOf(lifecycleStep(lead));
  return (
    <ol className="lifecycle" aria-label="Lifecycle">
      {LIFECYCLE.map((step, index) => (
        <li
          key={step}
          className={index < reached ? 'done' : index === reached ? 'here' : ''}
          aria-current={index === reached ? 'step' : undefined}
        >
          {step}
        </li>
      ))}
    </ol>
  );
}
