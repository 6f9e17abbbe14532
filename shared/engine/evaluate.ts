import { decimalArithmetic as ar, type Dec as Decimal } from './arithmetic.ts';
import { partnerYearAudit, reconciliationOf, ventureAuditOf, type VentureAudit } from './audit.ts';
import { breakevenPriceFactor } from './breakeven.ts';
import type { DebtResult, DecimalInput, Discounting, Evaluation, PartyResult, Project, Scenario, Structure, SupplyResult, VentureMetrics, Warning, YearRow } from './interchange.ts';
import { debtServiceMetrics } from './debt-service.ts';
import { supply } from './supply.ts';
import { irrRoots } from './irr.ts';
import { cumulativeMetrics, ratio } from './metrics.ts';
import { toDealTerms, toOverrides, toVentureInputs, type DealTerms, type VentureInputs } from './model.ts';
import { runParties, runVenture, runVentureParties, type CaseRun, type PartyRun, type VentureRun } from './run.ts';
import { NON_PARTNER_PARTIES } from './parties.ts';
import { defaultShocks, projectShocks, shockedInputs, shockTable, type ShockDefinition } from './shocks.ts';
import { applyOverrides } from './transforms.ts';
import { selectCase, type CaseSelection } from './case-selection.ts';
import { discountFactors, presentValue, total } from './discounting.ts';

export type { CaseSelection } from './case-selection.ts';

export interface EvaluateOptions {
  /** Run the risk-sharing shocks (§8). Default true. */
  shocks?: boolean;
  /** Search the breakeven price factor (§7). Default true. */
  breakeven?: boolean;
  /**
   * The partners' yearly audit lines and the reconciliation (audit.ts). Default true; a compare
   * matrix, which never shows them, leaves them out. The venture's audit lines (escalation index,
   * deflator, discount factor) are always there: they are shared by every structure.
   */
  auditLines?: boolean;
}

export type EvaluateOutcome =
  | { ok: true; evaluation: Evaluation }
  | { ok: false; error: { code: 'unknown-structure' | 'unknown-scenario'; message: string } };

const str = (x: Decimal) => ar.toString(x);
const optionalStr = (x: Decimal | null) => (x === null ? null : str(x));

/** Evaluates one structure under one scenario of a valid project (see validateProject). */
export function evaluateProject(project: Project, selection: CaseSelection = {}, options: EvaluateOptions = {}): EvaluateOutcome {
  return createEvaluator(project)(selection, options);
}

export type Evaluator = (selection?: CaseSelection, options?: EvaluateOptions) => EvaluateOutcome;

/**
 * evaluateProject for many cases of one valid project (a compare matrix, a goal seek's
 * confirmations): what does not depend on the structure is computed once per scenario, and what
 * does not depend on the partners once per scenario and set of venture terms (§10 steps 1–9 never
 * read the partners). Every number is the one evaluateProject gives on its own.
 */
export function createEvaluator(project: Project): Evaluator {
  const remember = <K, V>(compute: (key: K) => V) => {
    const known = new Map<K, V>();
    return (key: K): V => {
      if (known.has(key)) return known.get(key)!;
      const value = compute(key);
      known.set(key, value);
      return value;
    };
  };
  let assumptions: VentureInputs<Decimal> | null = null;
  const inputsOf = remember((scenario: Scenario) =>
    applyOverrides(ar, (assumptions ??= toVentureInputs(ar, project.assumptions)), toOverrides(ar, scenario.overrides)));
  const dealOf = remember((structure: Structure) => toDealTerms(ar, structure.terms));
  const termsKeyOf = remember(ventureTermsKey);
  const ventures = new Map<string, SharedVenture>();
  const ventureOf = (scenario: Scenario, structure: Structure): SharedVenture => {
    const key = `${scenario.id}\u0000${termsKeyOf(structure)}`;
    let venture = ventures.get(key);
    if (venture === undefined) {
      venture = sharedVenture(project, scenario, structure, inputsOf(scenario), dealOf(structure));
      ventures.set(key, venture);
    }
    return venture;
  };
  const hurdleFactorsOf = remember((key: string) => {
    const [rate = '0', discounting, years] = key.split('\u0000');
    return discountFactors(ar, ar.of(rate), discounting as Discounting, Number(years));
  });

  return (selection = {}, options = {}) => {
    const selected = selectCase(project, selection);
    if (!selected.ok) return selected;
    const { structure, scenario } = selected;

    const deal = dealOf(structure);
    const venture = ventureOf(scenario, structure);
    const base = runParties(ar, deal, venture.run, venture.otherRuns);
    const shared = venture.others;
    const partnerState = new Map(structure.terms.partners.map((p) => [p.id, p]));
    const order = [...structure.terms.partners.map((p) => p.id), ...NON_PARTNER_PARTIES];

    const breakeven = options.breakeven === false ? null : venture.breakeven();
    const runShocked = (definition: ShockDefinition<Decimal>) => {
      const shocked = venture.shocked(definition);
      return runParties(ar, deal, shocked.run, shocked.others);
    };
    const shocks = options.shocks === false ? [] : shockTable(ar, base, deal,
      project.shocks ? projectShocks(ar, project.shocks) : defaultShocks(ar, base), order, runShocked);

    const realOf = (nominal: readonly Decimal[]) => nominal.map((x, k) => ar.mul(x, venture.deflator[k]!));
    const realByParty = new Map(base.parties.map((p) => [p.id, shared.get(p.id)?.real ?? realOf(p.flows)]));
    const cumulativeByParty = new Map(base.parties.map((p) => [p.id, shared.get(p.id)?.cumulative ?? cumulativeMetrics(ar, realByParty.get(p.id)!, base.venture.startYear)]));
    const partnerIds = structure.terms.partners.map((p) => p.id);
    const auditLines = options.auditLines !== false;
    const hurdleFactors = (rate: DecimalInput) => hurdleFactorsOf(`${String(rate)}\u0000${base.inputs.discounting}\u0000${base.inputs.years}`);
    const evaluation: Evaluation = {
      structure: structure.id,
      scenario: scenario.id,
      warnings: shortfallWarnings(base),
      venture: ventureMetrics(base, venture, cumulativeByParty, (id) => partnerState.get(id)?.state === true, breakeven),
      parties: base.parties.map((party) => {
        const known = shared.get(party.id);
        return known ? { ...known.result } : partyResult(base, party, realByParty.get(party.id)!, cumulativeByParty.get(party.id)!, partnerState.get(party.id)?.hurdleRate, hurdleFactors);
      }),
      years: yearRows(base, venture, partnerIds, auditLines),
      shocks,
      ...(auditLines ? { reconciliation: reconciliationOf(ar, base, partnerIds, venture.audit.ventureNpv) } : {}),
    };
    return { ok: true, evaluation: isVersion2(project) ? withVersion2Fields(evaluation, base, deal) : evaluation };
  };
}

/** What every structure with the same venture terms shares under one scenario. */
interface SharedVenture {
  run: VentureRun<Decimal>;
  /** 1 / E_k. */
  deflator: Decimal[];
  audit: VentureAudit<Decimal>;
  metrics: Pick<VentureMetrics, 'npv' | 'irr' | 'irrRoots' | 'preTaxNpv' | 'paybackYear'>;
  /** Σ_k NCF_real. */
  preTaxReal: Decimal;
  /** Each year's venture lines as text, free cash flow and pre-tax flow apart (they come after the partners' lines). */
  rows: { lines: VentureLines; freeCashFlow: string; preTaxNetCashFlow: string; audit: VentureAudit<Decimal>['years'][number] }[];
  /** Σ over agreements of the technology withholding of year k. */
  technologyTax: Decimal[];
  breakeven: () => Decimal | null;
  /**
   * The parties after the government (community, external licensors, offtakers, lenders): their
   * flows never read the partners' funding, so they and what is shown of them are the venture's.
   */
  others: Map<string, VentureParty>;
  otherRuns: PartyRun<Decimal>[];
  /** The venture's part of a run under a shock (§8), and its parties after the government, by shock id. */
  shocked: (definition: ShockDefinition<Decimal>) => { run: VentureRun<Decimal>; others: PartyRun<Decimal>[] };
}

interface VentureParty {
  real: Decimal[];
  cumulative: Cumulative;
  result: PartyResult;
  /** Each year's flow as text. */
  flowText: string[];
}

type VentureLines = Omit<YearRow, 'withholdingTax' | 'freeCashFlow' | 'preTaxNetCashFlow' | 'interests' | 'flows'>;

/**
 * The structure's terms the venture's years depend on (§10 steps 1–9): everything but the
 * partners' equity, hurdle, carry and funding cap, the deemed value, dilution and the dividend
 * withholding rate. Two structures with the same key have the same venture years.
 */
function ventureTermsKey(structure: Structure): string {
  const { partners, deemedValue: _deemed, dilution: _dilution, fiscal, ...rest } = structure.terms;
  const { dividends: _dividends, ...withholding } = fiscal.withholding;
  return JSON.stringify([partners.map((p) => [p.id, p.foreign]), { ...fiscal, withholding }, rest]);
}

function sharedVenture(project: Project, scenario: Scenario, structure: Structure, inputs: VentureInputs<Decimal>, deal: DealTerms<Decimal>): SharedVenture {
  const run = runVenture(ar, inputs, deal);
  const v = run.venture;
  const deflator = v.escalation.map((e) => ar.div(ar.one, e));
  const realOf = (nominal: readonly Decimal[]) => nominal.map((x, k) => ar.mul(x, deflator[k]!));
  const realF = realOf(v.freeCashFlow);
  const audit = ventureAuditOf(ar, run);
  const otherRuns = runVentureParties(ar, deal, run);
  const others = new Map(otherRuns.map((party): [string, VentureParty] => {
    const real = realOf(party.flows);
    const cumulative = cumulativeMetrics(ar, real, v.startYear);
    return [party.id, { real, cumulative, result: partyBasics(run, party, cumulative), flowText: party.flows.map(str) }];
  }));
  let breakeven: { value: Decimal | null } | null = null;
  const shockedVentures = new Map<string, ReturnType<SharedVenture['shocked']>>();
  return {
    run, deflator, audit, others, otherRuns,
    shocked: (definition) => {
      let known = shockedVentures.get(definition.id);
      if (known === undefined) {
        const shockedRun = runVenture(ar, shockedInputs(ar, run, definition), deal);
        known = { run: shockedRun, others: runVentureParties(ar, deal, shockedRun) };
        shockedVentures.set(definition.id, known);
      }
      return known;
    },
    metrics: {
      npv: str(audit.ventureNpv),
      ...irrFields(realF),
      preTaxNpv: str(run.preTaxNpv),
      paybackYear: cumulativeMetrics(ar, realF, v.startYear).paybackYear,
    },
    preTaxReal: total(ar, realOf(v.preTaxNetCashFlow)),
    rows: ventureRows(run, audit),
    technologyTax: Array.from({ length: v.years }, (_, k) => v.technologyWithholdingByAgreement.reduce((s, row) => ar.add(s, row[k]!), ar.zero)),
    breakeven: () => (breakeven ??= {
      value: breakevenPriceFactor((a) => ({
        inputs: applyOverrides(a, toVentureInputs(a, project.assumptions), toOverrides(a, scenario.overrides)),
        deal: toDealTerms(a, structure.terms),
      })),
    }).value,
  };
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
  run: CaseRun<Decimal>, venture: SharedVenture, cumulativeByParty: Map<string, Cumulative>,
  isState: (id: string) => boolean, breakeven: Decimal | null,
): VentureMetrics {
  const government = run.parties.find((p) => p.id === 'government');
  const govReal = cumulativeByParty.get('government')?.total ?? ar.zero;
  const govPv = government ? government.pv : ar.zero;
  const stateReal = run.parties.filter((p) => p.kind === 'partner' && isState(p.id)).reduce((s, p) => ar.add(s, cumulativeByParty.get(p.id)!.total), ar.zero);
  const ncfReal = venture.preTaxReal;
  const { npv, irr, irrRoots: roots, preTaxNpv, paybackYear: payback } = venture.metrics;
  return {
    npv,
    irr,
    irrRoots: [...roots],
    preTaxNpv,
    governmentTake: optionalStr(ratio(ar, govReal, ncfReal)),
    governmentTakeInclState: optionalStr(ratio(ar, ar.add(govReal, stateReal), ncfReal)),
    aetr: optionalStr(ratio(ar, govPv, run.preTaxNpv)),
    breakevenPriceFactor: optionalStr(breakeven),
    paybackYear: payback,
  };
}

type Cumulative = ReturnType<typeof cumulativeMetrics<Decimal>>;

/** What every party shows: its present value, share of the pre-tax NPV and real total. */
function partyBasics(run: VentureRun<Decimal>, party: PartyRun<Decimal>, cumulative: Cumulative): PartyResult {
  return {
    id: party.id,
    kind: party.kind,
    pv: str(party.pv),
    share: optionalStr(ratio(ar, party.pv, run.preTaxNpv)),
    total: str(cumulative.total),
  };
}

function partyResult(
  run: CaseRun<Decimal>, party: PartyRun<Decimal>, real: Decimal[], cumulative: Cumulative, hurdleRate: DecimalInput | undefined,
  hurdleFactorsOf: (rate: DecimalInput) => Decimal[],
): PartyResult {
  const result = partyBasics(run, party, cumulative);
  if (party.kind !== 'partner' || hurdleRate === undefined) return result;
  const hurdleFactors = hurdleFactorsOf(hurdleRate);
  return {
    ...result,
    npvAtHurdle: str(presentValue(ar, real, hurdleFactors)),
    ...irrFields(real),
    paybackYear: cumulative.paybackYear,
    peakExposure: str(cumulative.peakExposure),
  };
}

/** The yearly lines of the venture, the same for every structure with the same venture terms. */
function ventureRows(run: VentureRun<Decimal>, audit: VentureAudit<Decimal>): SharedVenture['rows'] {
  const v = run.venture;
  return Array.from({ length: v.years }, (_, k) => ({
    lines: {
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
    },
    freeCashFlow: str(v.freeCashFlow[k]!),
    preTaxNetCashFlow: str(v.preTaxNetCashFlow[k]!),
    audit: audit.years[k]!,
  }));
}

/** The case's yearly lines: the venture's, then the partners', then (with auditLines) the partners' audit lines. */
function yearRows(run: CaseRun<Decimal>, venture: SharedVenture, partnerIds: string[], auditLines: boolean): YearRow[] {
  const f = run.funding;
  // Interests stay the same array from year to year until a cash call dilutes them: their text too.
  let lastInterests: { of: Decimal[]; text: Record<string, string> } | null = null;
  const interestText = (k: number): Record<string, string> => {
    const interests = f.interests[k]!;
    if (lastInterests?.of !== interests) {
      const text: Record<string, string> = {};
      partnerIds.forEach((id, i) => { text[id] = str(interests[i]!); });
      lastInterests = { of: interests, text };
    }
    return { ...lastInterests.text };
  };
  return venture.rows.map(({ lines, freeCashFlow, preTaxNetCashFlow, audit }, k) => {
    const flows: Record<string, string> = {};
    for (const p of run.parties) flows[p.id] = venture.others.get(p.id)?.flowText[k] ?? str(p.flows[k]!);
    const text = { interests: interestText(k), flows };
    return {
      ...lines,
      withholdingTax: str(ar.add(f.dividendWithholding[k]!, venture.technologyTax[k]!)),
      freeCashFlow,
      preTaxNetCashFlow,
      ...text,
      ...audit,
      ...(auditLines ? { partners: partnerYearAudit(ar, run, partnerIds, k, text) } : {}),
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
