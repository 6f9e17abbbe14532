import { createStore, type StoreApi } from 'zustand/vanilla';
import { browserLocale } from './locale.ts';
import type { DocumentSlice, SelectionSlice, UiSlice, WorkspaceState } from './types.ts';

export type WorkspaceStore = StoreApi<WorkspaceState>;

function documentSlice(): DocumentSlice {
  return { project: null, savedProject: null, document: null, metadata: { internalScenarios: [], privateNotes: [], placeholders: [] }, past: [], future: [], coalesceKey: null, placeholders: null, confirmedPlaceholders: [] };
}

function selectionSlice(): SelectionSlice {
  return {
    structureId: null,
    structureIndexHint: 0,
    scenarioId: null,
    section: 'venture',
    compare: { structures: [], scenarios: [], reference: null, metrics: ['npv', 'irr', 'governmentTake', 'governmentTakeInclState', 'breakeven', 'payback'], layout: 'cases-as-rows' },
    termSheet: { left: null, right: null },
    chartedSeries: 'prices',
  };
}

function uiSlice(locale: string): UiSlice {
  return { locale, focusRequest: null, expandedCashFlowGroups: [], notice: null, dialog: null, fileWork: null };
}

export interface WorkspaceStoreOptions {
  locale?: string;
}

/** A fresh store: every window, and every test, gets its own. */
export function createWorkspaceStore(options: WorkspaceStoreOptions = {}): WorkspaceStore {
  const locale = options.locale ?? browserLocale();
  return createStore<WorkspaceState>()(() => ({ ...documentSlice(), ...selectionSlice(), ...uiSlice(locale) }));
}
