import type { OrebridgeApi } from '../../shared/contract.ts';
import type { EngineRunner } from '../engine/engineClient.ts';
import { startResultsController, type ResultsController } from '../engine/resultsController.ts';
import { createResultsStore } from '../engine/resultsStore.ts';
import { createEditor } from '../store/editor.ts';
import { createWorkspaceStore, type WorkspaceStoreOptions } from '../store/workspaceStore.ts';
import type { Workspace } from './context.tsx';
import { createDocumentCommands, type Confirm } from './documentCommands.ts';

export interface WorkspaceOptions extends WorkspaceStoreOptions {
  api: OrebridgeApi | null;
  fastRunner: EngineRunner;
  slowRunner: EngineRunner;
  /** How to ask before unsaved changes are dropped (default: the window's confirm box). */
  confirm?: Confirm;
}

export interface RunningWorkspace extends Workspace {
  controller: ResultsController;
  dispose(): void;
}

/** Everything one window needs: store, editor, results kept in step by the engine runners. */
export function createWorkspace(options: WorkspaceOptions): RunningWorkspace {
  const store = createWorkspaceStore(options);
  const editor = createEditor(store);
  const results = createResultsStore();
  const controller = startResultsController(store, results, options.fastRunner, options.slowRunner);
  const commands = createDocumentCommands(store, editor, options.api, options.confirm);
  // Keep the back end's copy current (title marker, recovery copy), a moment after typing stops.
  let syncTimer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribeSync = store.subscribe((state, previous) => {
    if (!options.api || !state.document || (state.project === previous.project && state.confirmedPlaceholders === previous.confirmedPlaceholders)) return;
    // A project that arrived with its document came from the back end: nothing to tell it.
    if (state.document.documentId !== previous.document?.documentId) return;
    if (syncTimer) clearTimeout(syncTimer);
    syncTimer = setTimeout(() => void commands.sync(), 300);
  });
  return {
    store,
    editor,
    results,
    api: options.api,
    commands,
    engine: options.slowRunner,
    controller,
    stopCalculation: () => controller.stop(),
    dispose() {
      unsubscribeSync();
      if (syncTimer) clearTimeout(syncTimer);
      controller.dispose();
      options.fastRunner.dispose();
      if (options.slowRunner !== options.fastRunner) options.slowRunner.dispose();
    },
  };
}
