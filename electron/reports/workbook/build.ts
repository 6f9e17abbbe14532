// One structure under one scenario as a workbook model: Inputs, Calculation and Results sheets.
import { decimalArithmetic as ar } from '../../../shared/engine/arithmetic.ts';
import { evaluateProject, type CaseSelection } from '../../../shared/engine/evaluate.ts';
import type { Evaluation, Project } from '../../../shared/engine/interchange.ts';
import { toDealTerms, toOverrides, toVentureInputs } from '../../../shared/engine/model.ts';
import { applyOverrides } from '../../../shared/engine/transforms.ts';
import { reportUnits } from '../../../shared/reports/units.ts';
import { buildCalculation } from './calculation.ts';
import { buildInputs } from './inputs.ts';
import { buildResults } from './results.ts';
import { SheetBuilder, type WorkbookModel } from './sheet.ts';

export type WorkbookOutcome =
  | { ok: true; model: WorkbookModel; evaluation: Evaluation }
  | { ok: false; error: { code: 'unknown-structure' | 'unknown-scenario'; message: string } };

export function buildWorkbookModel(project: Project, selection: CaseSelection = {}): WorkbookOutcome {
  const outcome = evaluateProject(project, selection);
  if (!outcome.ok) return outcome;
  const ev = outcome.evaluation;
  const structure = project.structures.find((s) => s.id === ev.structure)!;
  const scenario = project.scenarios.find((s) => s.id === ev.scenario)!;
  const deal = toDealTerms(ar, structure.terms);
  const inputs = applyOverrides(ar, toVentureInputs(ar, project.assumptions), toOverrides(ar, scenario.overrides));
  const units = reportUnits(project);

  const inputSheet = new SheetBuilder('Inputs');
  const inp = buildInputs(inputSheet, project, structure, scenario, inputs, deal, units);
  const calcSheet = new SheetBuilder('Calculation');
  const calc = buildCalculation(calcSheet, inp, ev, units);
  const resultSheet = new SheetBuilder('Results');
  const deflators = ev.years.map((_, k) => ar.div(ar.one, ar.powInt(ar.add(ar.one, inputs.inflation), k)));
  const real = (pick: (y: Evaluation['years'][number]) => string | undefined) =>
    ev.years.map((y, k) => ar.mul(ar.of(pick(y) ?? '0'), deflators[k]!).toNumber());
  const realByParty = new Map(ev.parties.map((p) => [p.id, real((y) => y.flows[p.id])]));
  buildResults(resultSheet, inp, calc, ev, realByParty, real((y) => y.freeCashFlow), units);

  return {
    ok: true,
    evaluation: ev,
    model: {
      title: project.name ?? 'Orebridge project',
      years: inputs.years,
      startYear: inputs.startYear,
      sheets: [inputSheet.sheet, calcSheet.sheet, resultSheet.sheet],
    },
  };
}
