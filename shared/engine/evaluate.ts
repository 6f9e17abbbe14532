import { decimalArithmetic as ar, type Dec as Decimal } from './arithmetic.ts';
import { auditOf } from './audit.ts';
import { breakevenPriceFactor } from './breakeven.ts';
import type { DebtResult, DecimalInput, Evaluation, PartyResult, Project, SupplyResult, VentureMetrics, Warning, YearRow } from './interchange.ts';
import { debtServiceMetrics } from './debt-service.ts';
import { supply } from './supply.ts';
import { irrRoots } from './irr.ts';
import { paybackYear, peakExposure, ratio } from './metrics.ts';
import { toDealTerms, toOverrides, toVentureInputs, type DealTerms } from './model.ts';
import { runCase, type CaseRun, type PartyRun } from './run.ts';
import { NON_PARTNER_PARTIES } from './parties.ts';
import { defaultShocks, projectShocks, shockTable } from './shocks.ts';
import { applyOverrides } from './transforms.ts';
import { discountFactors, presentValue, total } from './discounting.ts';

export interface CaseSelection {
  structure?: string;
  scenario?: string;
}

export interface EvaluateOptions {
  /** Run the risk-sharing shocks (§8). Default true. */
  shocks?: boolean;
  /** Search the breakeven price factor (§7). Default true. */
  breakeven?: boolean;
}

export type EvaluateOutcome =
  | { ok: true; evaluation: Evaluation }
  | { ok: false; error: { code: 'unknown-structure' | 'unknown-scenario'; message: string } };

const str = (x: Decimal) => ar.toString(x);
const optionalStr = (x: Decimal | null) => (x === null ? null : str(x));

/** Evaluates one structure under one scenario of a valid project (see validateProject). */
export function evaluateProject(project: Project, selection: CaseSelection = {}, options: EvaluateOptions = {}): EvaluateOutcome {
  const structure = selection.structure === undefined ? project.structures[0] : project.structures.find((s) => s.id === selection.structure);
  if (!structure) {
    return { ok: false, error: { code: 'unknown-structure', message: `There is no structure "${selection.structure}" in this project (it has ${project.structures.map((s) => s.id).join(', ')}).` } };
  }
  const scenario = selection.scenario === undefined ? project.scenarios[0] : project.scenarios.find((s) => s.id === selection.scenario);
  if (!scenario) {
    return { ok: false, error: { code: 'unknown-scenario', message: `There is no scenario "${selection.scenario}" in this project (it has ${project.scenarios.map((s) => s.id).join(', ')}).` } };
  }

  const deal = toDealTerms(ar, structure.terms);
  const inputs = applyOverrides(ar, toVentureInputs(ar, project.assumptions), toOverrides(ar, scenario.overrides));
  const base = runCase(ar, inputs, deal);
  const partnerState = new Map(structure.terms.partners.map((p) => [p.id, p]));
  const order = [...structure.terms.partners.map((p) => p.id), ...NON_PARTNER_PARTIES];

  let breakeven: Decimal | null = null;
  if (options.breakeven !== false) {
    breakeven = breakevenPriceFactor((a) => ({
      inputs: applyOverrides(a, toVentureInputs(a, project.assumptions), toOverrides(a, scenario.overrides)),
      deal: toDealTerms(a, structure.terms),
    }));
  }
  const shocks = options.shocks === false ? [] : shockTable(ar, base, deal,
    project.shocks ? projectShocks(ar, project.shocks) : defaultShocks(ar, base), order);

  const deflator = base.venture.escalation.map((e) => ar.div(ar.one, e));
  const realOf = (nominal: readonly Decimal[]) => nominal.map((x, k) => ar.mul(x, deflator[k]!));
  const realByParty = new Map(base.parties.map((p) => [p.id, realOf(p.flows)]));
  const partnerIds = structure.terms.partners.map((p) => p.id);
  const audit = auditOf(ar, base, partnerIds);
  const evaluation: Evaluation = {
    structure: structure.id,
    scenario: scenario.id,
    warnings: shortfallWarnings(base),
    venture: ventureMetrics(base, realOf, realByParty, (id) => partnerState.get(id)?.state === true, breakeven),
    parties: base.parties.map((party) => partyResult(base, party, realByParty.get(party.id)!, partnerState.get(party.id)?.hurdleRate)),
    years: yearRows(base, partnerIds).map((row, k) => ({ ...row, ...audit.years[k]! })),
    shocks,
    reconciliation: audit.reconciliation,
  };
  return { ok: true, evaluation: isVersion2(project) ? withVersion2Fields(evaluation, base, deal) : evaluation };
}

/** `version` may be written as a number or a decimal string (§9). */
export function isVersion2(project: Project): boolean {
  return Number(project.version) === 2;
}

/** interchange.md "Version 2": the fields a version-2 evaluation adds, present even when unused. */
function withVersion2Fields(evaluation: Evaluation, run: CaseRun<Decimal>, deal: DealTerms<Decimal>): Evaluation {
  const v = run.venture;
  const d = v.debt;
  const metrics = debtServiceMetrics(ar, v.dscr, v.firstProduction);
  const withholding = (k: number) => ar.add(f.dividendWithholding[k]!, v.technologyWithholdingByAgreement.reduce((s, row) => ar.add(s, row[k]!), d.withholding[k]!));
  const f = run.funding;
  return {
    ...evaluation,
    venture: {
      ...evaluation.venture,
      minDscr: optionalStr(metrics.minDscr),
      minDscrYear: metrics.minDscrYear === null ? null : v.startYear + metrics.minDscrYear,
      averageDscr: optionalStr(metrics.averageDscr),
    },
    years: evaluation.years.map((row, k) => {
      const { interests, flows, ...v1 } = row;
      const dscr = v.dscr[k];
      return {
        ...v1,
        withholdingTax: str(withholding(k)),
        priceSupport: str(v.priceSupport[k]!),
        grant: str(v.grant[k]!),
        investmentAllowance: str(v.investmentAllowance[k]!),
        incomeTaxRate: str(v.incomeTaxRate[k]!),
        interestDeductible: str(v.interestDeductible[k]!),
        drawdown: str(d.drawdown[k]!),
        interest: str(d.interest[k]!),
        principal: str(d.principal[k]!),
        debtBalance: str(d.balance[k]!),
        interestWithholding: str(d.withholding[k]!),
        cashFlowBeforeFinancing: str(v.cashFlowBeforeFinancing[k]!),
        cfads: str(v.cfads[k]!),
        debtService: str(v.debtService[k]!),
        dscr: dscr === null || dscr === undefined ? null : str(dscr),
        interests,
        flows,
      };
    }),
    debt: debtResults(run, deal),
    supply: supplyResult(run, deal),
  };
}

function debtResults(run: CaseRun<Decimal>, deal: DealTerms<Decimal>): DebtResult[] {
  const v = run.venture;
  return deal.debt.map((tranche, i) => {
    const t = v.debt.tranches[i]!;
    return {
      id: tranche.id,
      lender: tranche.lenderIndex < 0 ? 'external' : deal.partners[tranche.lenderIndex]!.id,
      foreign: tranche.foreign,
      years: t.drawdown.map((draw, k) => ({
        year: v.startYear + k,
        drawdown: str(draw),
        interest: str(t.interest[k]!),
        withholding: str(t.withholding[k]!),
        principal: str(t.principal[k]!),
        balance: str(t.balance[k]!),
      })),
    };
  });
}

function supplyResult(run: CaseRun<Decimal>, deal: DealTerms<Decimal>): SupplyResult {
  const v = run.venture;
  const s = supply(ar, deal, v.volume, v.startYear);
  const byOfftaker = (pick: (row: Decimal[]) => Decimal) => Object.fromEntries(s.offtakers.map((id, o) => [id, str(pick(s.byOfftaker[o]!))]));
  return {
    years: v.volume.map((volume, k) => ({
      year: v.startYear + k,
      volume: str(volume),
      offtakers: byOfftaker((row) => row[k]!),
      market: str(s.market[k]!),
    })),
    total: { volume: str(total(ar, v.volume)), offtakers: byOfftaker((row) => total(ar, row)), market: str(total(ar, s.market)) },
  };
}

function irrFields(real: Decimal[]): { irr: string | null; irrRoots: string[] } {
  const roots = irrRoots(real).map(str);
  return { irr: roots.length === 1 ? roots[0]! : null, irrRoots: roots };
}

function ventureMetrics(
  run: CaseRun<Decimal>, realOf: (nominal: readonly Decimal[]) => Decimal[], realByParty: Map<string, Decimal[]>,
  isState: (id: string) => boolean, breakeven: Decimal | null,
): VentureMetrics {
  const v = run.venture;
  const realF = realOf(v.freeCashFlow);
  const government = run.parties.find((p) => p.id === 'government');
  const govReal = total(ar, realByParty.get('government') ?? []);
  const govPv = government ? government.pv : ar.zero;
  const stateReal = run.parties.filter((p) => p.kind === 'partner' && isState(p.id)).reduce((s, p) => ar.add(s, total(ar, realByParty.get(p.id)!)), ar.zero);
  const ncfReal = total(ar, realOf(v.preTaxNetCashFlow));
  return {
    npv: str(presentValue(ar, v.freeCashFlow, run.nominalWeights)),
    ...irrFields(realF),
    preTaxNpv: str(run.preTaxNpv),
    governmentTake: optionalStr(ratio(ar, govReal, ncfReal)),
    governmentTakeInclState: optionalStr(ratio(ar, ar.add(govReal, stateReal), ncfReal)),
    aetr: optionalStr(ratio(ar, govPv, run.preTaxNpv)),
    breakevenPriceFactor: optionalStr(breakeven),
    paybackYear: paybackYear(ar, realF, v.startYear),
  };
}

function partyResult(run: CaseRun<Decimal>, party: PartyRun<Decimal>, real: Decimal[], hurdleRate: DecimalInput | undefined): PartyResult {
  const result: PartyResult = {
    id: party.id,
    kind: party.kind,
    pv: str(party.pv),
    share: optionalStr(ratio(ar, party.pv, run.preTaxNpv)),
    total: str(total(ar, real)),
  };
  if (party.kind !== 'partner' || hurdleRate === undefined) return result;
  const hurdleFactors = discountFactors(ar, ar.of(hurdleRate), run.inputs.discounting, run.inputs.years);
  return {
    ...result,
    npvAtHurdle: str(presentValue(ar, real, hurdleFactors)),
    ...irrFields(real),
    paybackYear: paybackYear(ar, real, run.venture.startYear),
    peakExposure: str(peakExposure(ar, real)),
  };
}

function yearRows(run: CaseRun<Decimal>, partnerIds: string[]): YearRow[] {
  const v = run.venture;
  const f = run.funding;
  return Array.from({ length: v.years }, (_, k) => {
    const technologyTax = v.technologyWithholdingByAgreement.reduce((s, row) => ar.add(s, row[k]!), ar.zero);
    return {
      year: v.startYear + k,
      volume: str(v.volume[k]!),
      marketRevenue: str(v.marketRevenue[k]!),
      revenue: str(v.revenue[k]!),
      royalty: str(v.royalty[k]!),
      opex: str(v.opex[k]!),
      selling: str(v.selling[k]!),
      community: str(v.community[k]!),
      technology: str(v.technology[k]!),
      closure: str(v.closure[k]!),
      capex: str(v.capex[k]!),
      deltaWorkingCapital: str(v.deltaWorkingCapital[k]!),
      depreciation: str(v.depreciation[k]!),
      taxableIncome: str(v.taxableIncome[k]!),
      incomeTax: str(v.incomeTax[k]!),
      resourceRentTax: str(v.resourceRentTax[k]!),
      withholdingTax: str(ar.add(f.dividendWithholding[k]!, technologyTax)),
      freeCashFlow: str(v.freeCashFlow[k]!),
      preTaxNetCashFlow: str(v.preTaxNetCashFlow[k]!),
      interests: Object.fromEntries(partnerIds.map((id, i) => [id, str(f.interests[k]![i]!)])),
      flows: Object.fromEntries(run.parties.map((p) => [p.id, str(p.flows[k]!)])),
    };
  });
}

function shortfallWarnings(run: CaseRun<Decimal>): Warning[] {
  return run.funding.shortfalls.map(({ yearIndex, amount }) => {
    const year = run.venture.startYear + yearIndex;
    return {
      code: 'fundingShortfall',
      year,
      amount: str(amount),
      message: `In ${year} the funding partners' caps left ${amount.toFixed(2)} of the cash call unfunded; it was split among all funding partners by interest regardless of their caps.`,
    };
  });
}
