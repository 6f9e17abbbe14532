// The structure and scenario a case names; the first of each when it names none.
import type { Project, Scenario, Structure } from './interchange.ts';

export interface CaseSelection {
  structure?: string;
  scenario?: string;
}

export type SelectedCase =
  | { ok: true; structure: Structure; scenario: Scenario }
  | { ok: false; error: { code: 'unknown-structure' | 'unknown-scenario'; message: string } };

export function selectCase(project: Project, selection: CaseSelection = {}): SelectedCase {
  const structure = selection.structure === undefined ? project.structures[0] : project.structures.find((s) => s.id === selection.structure);
  if (!structure) {
    return { ok: false, error: { code: 'unknown-structure', message: `There is no structure "${selection.structure}" in this project (it has ${project.structures.map((s) => s.id).join(', ')}).` } };
  }
  const scenario = selection.scenario === undefined ? project.scenarios[0] : project.scenarios.find((s) => s.id === selection.scenario);
  if (!scenario) {
    return { ok: false, error: { code: 'unknown-scenario', message: `There is no scenario "${selection.scenario}" in this project (it has ${project.scenarios.map((s) => s.id).join(', ')}).` } };
  }
  return { ok: true, structure, scenario };
}
