import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { OrebridgeApi } from '../../shared/contract.ts';
import type { DocumentCommands } from './documentCommands.ts';
import type { ResultsState, ResultsStore } from '../engine/resultsStore.ts';
import type { EngineRunner } from '../engine/engineClient.ts';
import type { Editor } from '../store/editor.ts';
import type { WorkspaceState } from '../store/types.ts';
import type { WorkspaceStore } from '../store/workspaceStore.ts';

export interface Workspace {
  store: WorkspaceStore;
  editor: Editor;
  results: ResultsStore;
  /** The back end (desktop preload or browser-mode HTTP); null where there is none (tests). */
  api: OrebridgeApi | null;
  commands: DocumentCommands;
  /** Runs engine jobs of a view's own (a variant of the project: pricing stabilisation, progressivity, concessions) off the main thread; absent where a test has none. */
  engine?: EngineRunner;
  /** Stops the results calculation running now (a long one); absent where a test has none. */
  stopCalculation?: () => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function WorkspaceProvider({ workspace, children }: { workspace: Workspace; children: ReactNode }) {
  return <WorkspaceContext.Provider value={workspace}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspaceContext(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspaceContext outside WorkspaceProvider');
  return workspace;
}

/** The workspace, or null where a part is drawn on its own (a chart in a test). */
export function useWorkspaceIfProvided(): Workspace | null {
  return useContext(WorkspaceContext);
}

export function useWorkspace<T>(selector: (state: WorkspaceState) => T): T {
  return useStore(useWorkspaceContext().store, selector);
}

export function useResults<T>(selector: (state: ResultsState) => T): T {
  return useStore(useWorkspaceContext().results, selector);
}

export function useEditor(): Editor {
  return useWorkspaceContext().editor;
}
