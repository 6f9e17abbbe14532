import type { CaseSelection } from '../../../shared/engine/evaluate.ts';
import type { Project } from '../../../shared/engine/interchange.ts';
import { buildWorkbookModel } from './build.ts';
import { writeWorkbook } from './xlsx.ts';

export { buildWorkbookModel } from './build.ts';
export { partyName } from './results.ts';

export type WorkbookFileOutcome =
  | { ok: true; bytes: Buffer; structure: string; scenario: string }
  | { ok: false; error: { code: 'unknown-structure' | 'unknown-scenario'; message: string } };

/** The .xlsx file of one structure under one scenario of a valid project. */
export async function workbookFile(project: Project, selection: CaseSelection = {}): Promise<WorkbookFileOutcome> {
  const built = buildWorkbookModel(project, selection);
  if (!built.ok) return built;
  return { ok: true, bytes: await writeWorkbook(built.model), structure: built.evaluation.structure, scenario: built.evaluation.scenario };
}
