// Every export of a project besides its JSON, as bytes: the live workbook, the yearly CSV table
// and the negotiation pack. The command line and the handlers both come here.
import { evaluateProject } from '../../shared/engine/evaluate.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import type { RoundChanges } from '../../shared/reports/pack-content.ts';
import { partyNameIn } from '../../shared/reports/parties.ts';
import { toCsv } from '../../shared/reports/table.ts';
import { reportUnits } from '../../shared/reports/units.ts';
import { yearlyTable } from '../../shared/reports/yearly.ts';
import { negotiationPack } from './pack/index.ts';
import { workbookFile } from './workbook/index.ts';

export type ReportBytes =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; error: { code: 'unknown-structure' | 'unknown-scenario'; message: string } };

export interface ReportRequest {
  format: 'xlsx' | 'csv' | 'pdf';
  /** The workbook and the CSV take the first. */
  structures: string[];
  scenario: string;
  rounds?: RoundChanges[];
  fontsFolder?: string;
}

export async function reportBytes(project: Project, request: ReportRequest): Promise<ReportBytes> {
  const selection = { structure: request.structures[0]!, scenario: request.scenario };
  switch (request.format) {
    case 'xlsx': {
      const made = await workbookFile(project, selection);
      return made.ok ? { ok: true, bytes: made.bytes } : made;
    }
    case 'csv': {
      const outcome = evaluateProject(project, selection, { shocks: false, breakeven: false });
      if (!outcome.ok) return outcome;
      const structure = project.structures.find((s) => s.id === selection.structure);
      return { ok: true, bytes: Buffer.from(toCsv(yearlyTable(outcome.evaluation, reportUnits(project), (id) => partyNameIn(structure, id)))) };
    }
    case 'pdf': {
      const made = await negotiationPack(project, {
        structures: request.structures, scenario: request.scenario, rounds: request.rounds ?? [],
        ...(request.fontsFolder ? { fontsFolder: request.fontsFolder } : {}),
      });
      return made.ok ? { ok: true, bytes: made.bytes } : made;
    }
  }
}
