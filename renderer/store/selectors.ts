import type { Project, Structure } from '../../shared/engine/interchange.ts';
import { describePlaceholders, openPlaceholders } from '../model/placeholders.ts';
import { getIn, parsePath } from '../lib/paths.ts';
import type { WorkspaceState } from './types.ts';

export const selectProject = (state: WorkspaceState): Project | null => state.project;
/** Unsaved: main's answer when there is a back end (it compares content with the saved file);
 * without one (tests, no document yet) the project differs from the one last saved. */
export const selectIsDirty = (state: WorkspaceState): boolean =>
  state.project !== null && (state.document?.dirty !== undefined ? state.document.dirty : state.project !== state.savedProject);
export const selectCanUndo = (state: WorkspaceState): boolean => state.past.length > 0;
export const selectCanRedo = (state: WorkspaceState): boolean => state.future.length > 0;

export function selectStructureIndex(state: WorkspaceState): number {
  const structures = state.project?.structures ?? [];
  if (structures[state.structureIndexHint]?.id === state.structureId) return state.structureIndexHint;
  const index = structures.findIndex((structure) => structure.id === state.structureId);
  return index >= 0 ? index : 0;
}

export function selectStructure(state: WorkspaceState): Structure | null {
  return state.project?.structures[selectStructureIndex(state)] ?? null;
}

export function selectScenarioIndex(state: WorkspaceState): number {
  const scenarios = state.project?.scenarios ?? [];
  const index = scenarios.findIndex((scenario) => scenario.id === state.scenarioId);
  return index >= 0 ? index : 0;
}

/** The structure and scenario the result panels show; null until a project is open. */
export function selectActiveSelection(state: WorkspaceState): { structure: string; scenario: string } | null {
  const structure = selectStructure(state);
  const scenario = state.project?.scenarios[selectScenarioIndex(state)];
  if (!structure || !scenario) return null;
  return { structure: String(structure.id), scenario: String(scenario.id) };
}

/** Whether the value at `path` is still one of the new-venture template's invented numbers. */
export function selectIsPlaceholder(state: WorkspaceState, path: string): boolean {
  const { placeholders, project } = state;
  if (!placeholders || !project || !(path in placeholders) || state.confirmedPlaceholders.includes(path)) return false;
  return Object.is(getIn(project, parsePath(path)), placeholders[path]);
}

/** The open placeholders in the user's words ("Price 2027–2038, Discount rate (real)"), and how many. */
export function selectPlaceholderSummary(state: WorkspaceState): string {
  const open = openPlaceholders(state.project, state.placeholders, state.confirmedPlaceholders);
  if (open.length === 0 || !state.project) return '';
  const { inputs, names } = describePlaceholders(state.project, open);
  return `${inputs}\u0000${names}\u0000${open[0]}`;
}
