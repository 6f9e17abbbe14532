// The yearly cash flow lines of an evaluation, labelled once for the workspace's table, the CSV
// export and the negotiation pack.
import type { Evaluation, YearRow } from '../engine/interchange.ts';
import type { Table } from './table.ts';

export type YearLineKey =
  | 'volume' | 'marketRevenue' | 'revenue' | 'royalty' | 'opex' | 'selling' | 'community' | 'technology' | 'closure'
  | 'capex' | 'deltaWorkingCapital' | 'depreciation' | 'taxableIncome' | 'incomeTax' | 'resourceRentTax'
  | 'withholdingTax' | 'freeCashFlow' | 'preTaxNetCashFlow';

type V2Key = 'priceSupport' | 'grant' | 'investmentAllowance' | 'incomeTaxRate' | 'interestDeductible' | 'drawdown' | 'interest'
  | 'principal' | 'debtBalance' | 'interestWithholding' | 'cashFlowBeforeFinancing' | 'cfads' | 'debtService' | 'dscr';
export type V2LineUnit = 'money' | 'rate' | 'ratio';
export interface V2Line {
  key: V2Key;
  label: string;
  unit: V2LineUnit;
}

/** Methodology v2's lines (§10–§16), present in the evaluation of a version-2 project only, in the groups the workspace shows. */
export const V2_LINE_GROUPS: readonly { id: string; label: string; lines: readonly V2Line[] }[] = [
  {
    id: 'support',
    label: 'Price support, grants and incentives',
    lines: [
      { key: 'priceSupport', label: 'Price support', unit: 'money' },
      { key: 'grant', label: 'Capital grant', unit: 'money' },
      { key: 'investmentAllowance', label: 'Investment allowance', unit: 'money' },
      { key: 'incomeTaxRate', label: 'Income tax rate', unit: 'rate' },
      { key: 'interestDeductible', label: 'Deductible interest', unit: 'money' },
    ],
  },
  {
    id: 'debt',
    label: 'Debt',
    lines: [
      { key: 'drawdown', label: 'Drawdowns', unit: 'money' },
      { key: 'interest', label: 'Interest', unit: 'money' },
      { key: 'principal', label: 'Principal repaid', unit: 'money' },
      { key: 'debtBalance', label: 'Debt balance (end of year)', unit: 'money' },
      { key: 'interestWithholding', label: 'Interest withholding', unit: 'money' },
    ],
  },
  {
    id: 'debt-service',
    label: 'Debt service',
    lines: [
      { key: 'cashFlowBeforeFinancing', label: 'Cash flow before financing', unit: 'money' },
      { key: 'cfads', label: 'Cash flow available for debt service', unit: 'money' },
      { key: 'debtService', label: 'Debt service', unit: 'money' },
      { key: 'dscr', label: 'Debt service cover ratio', unit: 'ratio' },
    ],
  },
];
const V2_LINES: readonly V2Line[] = V2_LINE_GROUPS.flatMap((group) => group.lines);

type AuditKey = 'escalationIndex' | 'deflator' | 'discountFactor';
const AUDIT_LINES: readonly { key: AuditKey; label: string }[] = [
  { key: 'escalationIndex', label: 'Escalation index' },
  { key: 'deflator', label: 'Deflator' },
  { key: 'discountFactor', label: 'Discount factor' },
];
type PartnerAuditKey = keyof NonNullable<YearRow['partners']>[string];
const PARTNER_AUDIT_LINES: readonly { key: PartnerAuditKey; label: string; unit: 'money' | 'fraction' }[] = [
  { key: 'cashCallPaid', label: 'cash calls paid', unit: 'money' },
  { key: 'carryBalance', label: 'carry balance (end of year)', unit: 'money' },
  { key: 'carryRepaid', label: 'carry repaid from its distribution', unit: 'money' },
  { key: 'carryReceived', label: 'carry repayments received', unit: 'money' },
  { key: 'distribution', label: 'distribution received', unit: 'money' },
  { key: 'withholding', label: 'dividend withholding', unit: 'money' },
];

export interface YearLine {
  key: YearLineKey;
  label: string;
  /** Sales volume is in product units; every other line is money. */
  volume?: boolean;
}

export const YEAR_LINE_GROUPS: readonly { id: string; label: string; lines: readonly YearLine[] }[] = [
  { id: 'revenue', label: 'Production and revenue', lines: [{ key: 'volume', label: 'Sales volume', volume: true }, { key: 'marketRevenue', label: 'Market revenue' }, { key: 'revenue', label: 'Venture revenue' }] },
  {
    id: 'costs',
    label: 'Costs and capital',
    lines: [
      { key: 'opex', label: 'Operating cost' },
      { key: 'selling', label: 'Selling cost' },
      { key: 'community', label: 'Community share' },
      { key: 'technology', label: 'Technology payments' },
      { key: 'closure', label: 'Closure' },
      { key: 'capex', label: 'Capital expenditure' },
      { key: 'deltaWorkingCapital', label: 'Change in working capital' },
    ],
  },
  {
    id: 'taxes',
    label: 'Royalty and taxes',
    lines: [
      { key: 'royalty', label: 'Royalty' },
      { key: 'depreciation', label: 'Depreciation' },
      { key: 'taxableIncome', label: 'Taxable income' },
      { key: 'incomeTax', label: 'Income tax' },
      { key: 'resourceRentTax', label: 'Resource rent tax' },
      { key: 'withholdingTax', label: 'Withholding tax' },
    ],
  },
  { id: 'cash', label: 'Venture cash flow', lines: [{ key: 'freeCashFlow', label: 'Free cash flow' }, { key: 'preTaxNetCashFlow', label: 'Pre-tax net cash flow' }] },
];

/** Every line of the evaluation's years, one column per calendar year, exact decimal values. */
export function yearlyTable(ev: Evaluation, units: { currency: string; product: string }, nameOf: (id: string) => string = (id) => id): Table {
  const partnerIds = ev.parties.filter((p) => p.kind === 'partner').map((p) => p.id);
  const interestIds = ev.years.length > 0 ? Object.keys(ev.years[0]!.interests) : partnerIds;
  const partyIds = ev.parties.map((p) => p.id);
  return {
    columns: ['Line', 'Unit', ...ev.years.map((y) => String(y.year))],
    rows: [
      ...YEAR_LINE_GROUPS.flatMap((g) => g.lines.map((line) => [line.label, line.volume ? units.product : units.currency, ...ev.years.map((y) => y[line.key])])),
      ...V2_LINES.filter((line) => ev.years.some((y) => y[line.key] !== undefined))
        .map((line) => [line.label, line.unit === 'money' ? units.currency : line.unit, ...ev.years.map((y) => y[line.key] ?? null)]),
      ...AUDIT_LINES.filter((line) => ev.years.some((y) => y[line.key] !== undefined))
        .map((line) => [line.label, 'index', ...ev.years.map((y) => y[line.key] ?? null)]),
      ...interestIds.map((id) => [`Participating interest: ${nameOf(id)}`, 'fraction', ...ev.years.map((y) => y.interests[id] ?? '0')]),
      ...interestIds.flatMap((id) => PARTNER_AUDIT_LINES.filter((line) => ev.years.some((y) => y.partners?.[id] !== undefined))
        .map((line) => [`${nameOf(id)}: ${line.label}`, line.unit === 'money' ? units.currency : 'fraction', ...ev.years.map((y) => y.partners?.[id]?.[line.key] ?? null)])),
      ...partyIds.map((id) => [`Flow: ${nameOf(id)}`, units.currency, ...ev.years.map((y) => y.flows[id] ?? '0')]),
    ],
  };
}
