import { useEffect, useState } from 'react';
import { ShareDialog } from './ShareDialog.tsx';
import { WorkBanner } from './WorkBanner.tsx';
import type { MenuCommand } from '../../shared/contract.ts';
import { selectCanRedo, selectCanUndo, selectIsDirty, selectStructure } from '../store/selectors.ts';
import type { SectionId } from '../store/types.ts';
import { AgreementsNav, sectionLabel } from './Navigation.tsx';
import { DrawingBoundary } from '../components/DrawingBoundary.tsx';
import { useEditor, useWorkspace, useWorkspaceContext } from './context.tsx';
import { EmptyState } from '../views/EmptyState.tsx';
import { SummaryPanel } from '../views/SummaryPanel.tsx';
import { VentureSection } from '../views/VentureSection.tsx';
import { MinePlanSection } from '../views/MinePlanSection.tsx';
import { PartnersSection } from '../views/PartnersSection.tsx';
import { FiscalSection } from '../views/FiscalSection.tsx';
import { FinancingSection } from '../views/FinancingSection.tsx';
import { TechnologySection } from '../views/AgreementsSections.tsx';
import { OfftakeAndPriceSupport } from '../views/PriceSupportSection.tsx';
import { ScenariosSection } from '../views/ScenariosSection.tsx';
import { ResultsSection } from '../views/ResultsSection.tsx';
import { CompareSection } from '../views/CompareSection.tsx';
import { RoundsSection } from '../views/RoundsSection.tsx';
import { RiskSection } from '../views/RiskSection.tsx';
import { FocusManager } from './FocusManager.tsx';
import { ChoiceField, namedChoices } from '../components/controls.tsx';
import { NegotiationProvider } from '../negotiation/context.tsx';
import { DealSpaceSection } from '../views/DealSpaceSection.tsx';

const SAVE_HERE = 'Your project is unchanged; you can save it with the buttons here, or try again.';

const SECTIONS: Record<SectionId, () => React.ReactNode> = {
  venture: VentureSection,
  'mine-plan': MinePlanSection,
  partners: PartnersSection,
  fiscal: FiscalSection,
  financing: FinancingSection,
  technology: TechnologySection,
  offtake: OfftakeAndPriceSupport,
  scenarios: ScenariosSection,
  results: ResultsSection,
  compare: CompareSection,
  risk: RiskSection,
  rounds: RoundsSection,
  'deal-space': DealSpaceSection,
};

export function App() {
  const hasProject = useWorkspace((state) => state.project !== null);
  useShortcutsAndMenu();
  useWindowTitle();
  useLeaveGuard();
  return (
    <>
      <Notice />
      <WorkBanner />
      <DrawingBoundary part="The workspace" whatNow={hasProject ? SAVE_HERE : 'Your files are unchanged; you can try again.'} actions={<SaveActions />}>
        <NegotiationProvider>{hasProject ? <WorkspaceView /> : <EmptyState />}</NegotiationProvider>
      </DrawingBoundary>
      <FocusManager />
    </>
  );
}

function WorkspaceView() {
  const section = useWorkspace((state) => state.section);
  const Section = SECTIONS[section];
  // Results and Compare show every result themselves: on a narrow window they take the side panel's room.
  const wide = section === 'results' || section === 'compare' || section === 'risk' || section === 'deal-space';
  return (
    <div className={wide ? 'app app-wide-section' : 'app'}>
      <DrawingBoundary part="The title bar" whatNow={SAVE_HERE} actions={<SaveActions />} className="top-failure">
        <TopBar />
      </DrawingBoundary>
      <DrawingBoundary part="The list of sections" className="nav-failure">
        <AgreementsNav />
      </DrawingBoundary>
      <main className="main" id="main">
        {/* Keyed by section: another section is another part, drawn afresh. */}
        <DrawingBoundary key={section} part={`The ${sectionLabel(section) ?? 'current'} section`}>
          <Section />
        </DrawingBoundary>
      </main>
      <DrawingBoundary part="The results panel" className="side-failure">
        <SummaryPanel />
      </DrawingBoundary>
    </div>
  );
}

/** What a boundary offers in place of the title bar's own Save, Save as… and Undo when those could not be drawn. */
function SaveActions() {
  const editor = useEditor();
  const { commands } = useWorkspaceContext();
  const hasProject = useWorkspace((state) => state.project !== null);
  const canUndo = useWorkspace(selectCanUndo);
  if (!hasProject) return null;
  return (
    <>
      <button type="button" onClick={() => void commands.save()}>Save</button>
      <button type="button" onClick={() => void commands.saveAs()}>Save as…</button>
      <button type="button" onClick={() => editor.undo()} disabled={!canUndo}>Undo</button>
    </>
  );
}

function TopBar() {
  const editor = useEditor();
  const { commands } = useWorkspaceContext();
  const project = useWorkspace((state) => state.project);
  const structureId = useWorkspace((state) => selectStructure(state)?.id ?? '');
  const scenarioId = useWorkspace((state) => state.scenarioId ?? state.project?.scenarios[0]?.id ?? '');
  const dirty = useWorkspace(selectIsDirty);
  const canUndo = useWorkspace(selectCanUndo);
  const canRedo = useWorkspace(selectCanRedo);
  const documentName = useWorkspace((state) => state.document?.name ?? 'Untitled');
  const readOnly = useWorkspace((state) => state.document?.readOnly ?? false);
  const sharing = useWorkspace((state) => state.dialog === 'share');
  if (!project) return null;
  return (
    <header className="topbar">
      <div className="title">
        <span className="app-name">Orebridge</span>
        <span className="doc-name">
          {project.name || 'Untitled venture'}
          {documentName !== project.name && <span className="muted"> · {documentName}</span>}
          {readOnly && (
            <span className="read-only" title="Another window has this file open: Save As to keep your changes">
              {' '}read-only
            </span>
          )}
          {dirty && (
            <span className="unsaved" title="Unsaved changes" aria-label="Unsaved changes">
              ●
            </span>
          )}
        </span>
      </div>
      <nav className="menu" aria-label="File and edit">
        <button type="button" onClick={() => void commands.newVenture()}>New</button>
        <button type="button" onClick={() => void commands.open()}>Open…</button>
        <button type="button" onClick={() => void commands.save()}>Save</button>
        <button type="button" onClick={() => void commands.saveAs()}>Save as…</button>
        <button type="button" onClick={() => void commands.importJson()}>Import JSON…</button>
        <button type="button" onClick={() => void commands.exportJson()}>Export JSON…</button>
        <details className="export-menu">
          <summary>Export</summary>
          <div role="group" aria-label="Export" onClick={(event) => event.currentTarget.closest('details')?.removeAttribute('open')}>
            <button type="button" onClick={() => void commands.exportReport('xlsx')}>Excel workbook…</button>
            <button type="button" onClick={() => void commands.exportReport('csv')}>CSV…</button>
            <button type="button" onClick={() => void commands.exportReport('pdf')}>Negotiation pack (PDF)…</button>
          </div>
        </details>
        <button type="button" onClick={() => editor.showDialog('share')}>Share copy…</button>
        {sharing && <ShareDialog onClose={() => editor.showDialog(null)} />}
        <span className="menu-sep" aria-hidden="true" />
        <button type="button" onClick={() => editor.undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={() => editor.redo()} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
      </nav>
      <div className="pickers">
        <ChoiceField id="pick-structure" label="Structure" className="field inline" value={structureId}
          options={namedChoices(project.structures)} onChange={(id) => editor.selectStructure(id)}>
          <button type="button" onClick={() => editor.duplicateStructure()} title="Add a structure that starts as a copy of this one">
            Duplicate structure
          </button>
          <button type="button" className="danger" onClick={() => editor.removeStructure(project.structures.findIndex((s) => s.id === structureId))} disabled={project.structures.length <= 1}>
            Remove structure
          </button>
        </ChoiceField>
        <ChoiceField id="pick-scenario" label="Scenario" className="field inline" value={scenarioId}
          options={namedChoices(project.scenarios)} onChange={(id) => editor.selectScenario(id)} />
      </div>
    </header>
  );
}

function Notice() {
  const notice = useWorkspace((state) => state.notice);
  const editor = useEditor();
  const { commands } = useWorkspaceContext();
  useEffect(() => {
    if (notice?.kind !== 'info' || notice.persist) return;
    const timer = setTimeout(() => editor.notify(null), 6000);
    return () => clearTimeout(timer);
  }, [notice, editor]);
  if (!notice) return null;
  return (
    <div className={`notice-bar ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.message}</span>
      {notice.choices?.map((choice) => (
        <button
          key={choice.command}
          type="button"
          onClick={() => {
            editor.notify(null);
            if (choice.command === 'save-copy') void commands.saveAs();
            else if (choice.command === 'overwrite') void commands.overwrite();
            else void commands.reload();
          }}
        >
          {choice.label}
        </button>
      ))}
      {notice.action && (
        <button
          type="button"
          onClick={() => {
            const action = notice.action;
            editor.notify(null);
            if (action?.command === 'open-read-only') void commands.openFile(action.handle, true);
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" onClick={() => editor.notify(null)} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}

function isTextEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target.dataset.path !== undefined) return false;
  if (target.tagName === 'TEXTAREA') return true;
  return target instanceof HTMLInputElement && ['text', 'search', 'number', 'email', 'url'].includes(target.type);
}

/** Undo and redo from the keyboard and from the native menu; file commands from the menu. */
function useShortcutsAndMenu() {
  const { api, editor, commands } = useWorkspaceContext();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      // Free-text fields outside the project (revision notes) keep the browser's own undo.
      if (isTextEditing(event.target)) return;
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        editor.undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        editor.redo();
      }
    };
    window.addEventListener('keydown', onKey, true);
    const run: Partial<Record<string, () => void>> & Record<MenuCommand, () => void> = {
      new: () => void commands.newVenture(),
      open: () => void commands.open(),
      save: () => void commands.save(),
      'save-as': () => void commands.saveAs(),
      'share-copy': () => editor.showDialog('share'),
      'import-json': () => void commands.importJson(),
      'export-json': () => void commands.exportJson(),
      'export-xlsx': () => void commands.exportReport('xlsx'),
      'export-csv': () => void commands.exportReport('csv'),
      'export-pdf': () => void commands.exportReport('pdf'),
      close: () => void commands.close(),
      undo: () => editor.undo(),
      redo: () => editor.redo(),
      about: () => editor.notify({ kind: 'info', message: 'Orebridge: cooperative mining joint ventures, party by party.' }),
    };
    const unsubscribe = api?.onCommand((command) => {
      if (command.type === 'menu') run[command.command]?.();
      else if (command.type === 'open-file') void commands.openFile(command.file.handle);
    });
    return () => {
      window.removeEventListener('keydown', onKey, true);
      unsubscribe?.();
    };
  }, [api, editor, commands]);
}

function useWindowTitle() {
  const name = useWorkspace((state) => state.project?.name ?? null);
  const dirty = useWorkspace(selectIsDirty);
  const hasProject = useWorkspace((state) => state.project !== null);
  useEffect(() => {
    document.title = hasProject ? `${dirty ? '● ' : ''}${name || 'Untitled venture'} — Orebridge` : 'Orebridge';
  }, [name, dirty, hasProject]);
}

/** Browser mode: leaving the page with unsaved changes asks first (the desktop app's own close
 * guard handles windows there, so this is not installed in desktop mode). */
function useLeaveGuard() {
  const { api } = useWorkspaceContext();
  const dirty = useWorkspace(selectIsDirty);
  const [browserMode, setBrowserMode] = useState(false);
  useEffect(() => {
    if (!api) return;
    let live = true;
    void api.getAppInfo({}).then((result) => {
      if (live && result.ok) setBrowserMode(result.value.mode === 'browser');
    });
    return () => {
      live = false;
    };
  }, [api]);
  useEffect(() => {
    if (!browserMode || !dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [browserMode, dirty]);
}
