/** Whatever is open over the list, bottom to top; each one fails on its own. */
import type { Panel } from '../store/ui-slice';
import { useStore } from '../store/store';
import { CommandPalette } from './CommandPalette';
import { ConflictResolver } from './ConflictResolver';
import { DuplicatesPanel } from './DuplicatesPanel';
import { ErrorBoundary } from './ErrorBoundary';
import { FieldEditor } from './FieldEditor';
import { HelpOverlay } from './HelpOverlay';
import { NewLeadForm } from './NewLeadForm';
import { OutboxPanel } from './OutboxPanel';
import { PipelinePanel } from './PipelinePanel';
import { SettingsScreen } from './SettingsScreen';

function PanelView({ panel }: { panel: Panel }) {
  switch (panel.kind) {
    case 'palette':
      return <CommandPalette />;
    case 'help':
      return <HelpOverlay />;
    case 'outbox':
      return <OutboxPanel />;
    case 'conflict':
      return <ConflictResolver />;
    case 'settings':
      return <SettingsScreen />;
    case 'editor':
      return <FieldEditor editor={panel.editor} />;
    case 'new-lead':
      return <NewLeadForm />;
    case 'pipeline':
      return <PipelinePanel />;
    case 'duplicates':
      return <DuplicatesPanel />;
  }
}

export function Panels() {
  const panels = useStore((s) => s.panels);
  return (
    <>
      {panels.map((panel) => (
        <ErrorBoundary
          key={panel.kind}
          region={panel.kind === 'editor' ? panel.editor.title : panel.kind}
        >
          <PanelView panel={panel} />
        </ErrorBoundary>
      ))}
    </>
  );
}
