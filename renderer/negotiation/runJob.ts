// One negotiation job, as the worker runs it (and the in-line runner of the component tests).
import { validateProject } from '../../shared/engine/index.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import { writeTerm } from '../../shared/fields/index.ts';
import { dealSpace, decimalEvaluation, goalSeek, lineSweep, type GoalSeekRequest } from '../../shared/negotiation/index.ts';
import type { NegotiationJob, NegotiationResult, SolvedOutcome } from './protocol.ts';

export type JobOutcome = { ok: true; result: NegotiationResult } | { ok: false; message: string };

export function runNegotiationJob(job: NegotiationJob, onProgress: (done: number, total: number) => void = () => {}): JobOutcome {
  const validated = validateProject(job.project);
  if (!validated.ok) {
    const count = validated.problems.length;
    return { ok: false, message: `The project has ${count} problem${count === 1 ? '' : 's'} to fix first (see the problems list): nothing can be solved or mapped until it is valid.` };
  }
  const project = validated.project;
  if (job.kind === 'solve') {
    const result = goalSeek(project, job.request);
    const outcomes = result.ok ? result.value.solutions.map((solution) => outcomeAt(project, job.request, solution.value)) : [];
    return { ok: true, result: { kind: 'solve', result, outcomes } };
  }
  if (job.kind === 'map') return { ok: true, result: { kind: 'map', result: dealSpace(project, job.request, onProgress) } };
  return { ok: true, result: { kind: 'sweep', result: lineSweep(project, job.request, onProgress) } };
}

/** Every party's outcome with the term at `value`: the decimal evaluation `orebridge evaluate` prints. */
function outcomeAt(project: Project, request: GoalSeekRequest, value: string): SolvedOutcome {
  const written = writeTerm(project, request.structure, request.term, value, request.balanceWith === undefined ? {} : { balanceWith: request.balanceWith });
  const evaluation = written.ok ? decimalEvaluation(written.value, { structure: request.structure, ...(request.scenario === undefined ? {} : { scenario: request.scenario }) }) : null;
  if (!evaluation) return { venture: { npv: '', irr: null, governmentTake: null, aetr: null }, parties: [] };
  const v = evaluation.venture;
  return {
    venture: { npv: v.npv, irr: v.irr ?? null, governmentTake: v.governmentTake ?? null, aetr: v.aetr ?? null },
    parties: evaluation.parties.map((p) => ({ id: p.id, kind: p.kind, pv: p.pv, share: p.share, irr: p.irr ?? null })),
  };
}
