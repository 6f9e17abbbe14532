// The negotiation pack of chosen structures under one scenario: the same content and the same
// PDF from the command line and from the app.
import { evaluateProject } from '../../../shared/engine/evaluate.ts';
import type { Evaluation, Project } from '../../../shared/engine/interchange.ts';
import type { TermChange } from '../../../shared/fields/termSheet.ts';
import { packContent, type RoundChanges } from '../../../shared/reports/pack-content.ts';
import type { Revision } from '../../files/types.ts';
import { simulateProject, type SimulationDocument } from '../../../shared/risk/index.ts';
import { packPdf } from './pdf.ts';

export type PackOutcome =
  | { ok: true; bytes: Buffer; structures: string[]; scenario: string; pages: number }
  | { ok: false; error: { code: 'unknown-structure' | 'unknown-scenario'; message: string } };

export interface PackRequest {
  /** Default: the first structure. */
  structures?: string[];
  scenario?: string;
  rounds?: RoundChanges[];
  date?: Date;
  fontsFolder?: string;
}

export async function negotiationPack(project: Project, request: PackRequest = {}): Promise<PackOutcome> {
  const ids = request.structures && request.structures.length > 0 ? request.structures : [project.structures[0]!.id];
  const evaluations: Evaluation[] = [];
  for (const structure of ids) {
    const outcome = evaluateProject(project, { structure, ...(request.scenario === undefined ? {} : { scenario: request.scenario }) });
    if (!outcome.ok) return outcome;
    evaluations.push(outcome.evaluation);
  }
  // A project with a risk block defines a simulation: its summary goes into the pack.
  const simulations: SimulationDocument[] = [];
  if (project.risk) {
    for (const ev of evaluations) {
      const simulated = simulateProject({ project, structure: ev.structure, scenario: ev.scenario });
      if (simulated.ok) simulations.push(simulated.document);
    }
  }
  const content = packContent({ project, evaluations, simulations, rounds: request.rounds ?? [], date: request.date ?? new Date() });
  const bytes = await packPdf(content, request.fontsFolder);
  const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
  return { ok: true, bytes, structures: ids, scenario: evaluations[0]!.scenario, pages };
}

/**
 * A structure's last round: the changes between its last two recorded revisions, or between its
 * only revision and its terms now. None when no revision is recorded.
 */
export async function lastRound(
  revisions: readonly Revision[], structureId: string,
  diff: (from: { kind: 'revision'; id: number }, to: { kind: 'revision'; id: number } | { kind: 'structure'; id: string }) => Promise<{ ok: true; value: TermChange[] } | { ok: false }>,
): Promise<RoundChanges | null> {
  const own = revisions.filter((r) => r.structureId === structureId).sort((a, b) => a.id - b.id);
  const last = own[own.length - 1];
  if (!last) return null;
  const label = (r: Revision) => `round @${r.id} (${r.party}, ${r.recordedAt.slice(0, 10)})`;
  const before = own[own.length - 2];
  const changes = before
    ? await diff({ kind: 'revision', id: before.id }, { kind: 'revision', id: last.id })
    : await diff({ kind: 'revision', id: last.id }, { kind: 'structure', id: structureId });
  if (!changes.ok) return null;
  return { structureId, from: before ? label(before) : label(last), to: before ? label(last) : 'the terms now', changes: changes.value };
}
