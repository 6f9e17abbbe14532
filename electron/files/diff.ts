// Term-by-term diff of two deal structures: what a negotiator changed between two rounds.
import { Dec } from '../../shared/engine/arithmetic.ts';
import type { Partner, Structure, TechnologyAgreement, Offtake } from '../../shared/engine/interchange.ts';
import type { TermChange } from './types.ts';

type Kind = 'decimal' | 'text' | 'boolean' | 'integer';
type Fields<T> = readonly (readonly [key: keyof T & string, label: string, kind: Kind])[];

function show(value: unknown, kind: Kind): string {
  if (value === null || value === undefined) return 'none';
  if (kind === 'boolean') return value === true ? 'yes' : 'no';
  return String(value);
}

function same(a: unknown, b: unknown, kind: Kind): boolean {
  const aUnset = a === null || a === undefined;
  const bUnset = b === null || b === undefined;
  if (aUnset || bUnset) return aUnset && bUnset;
  if (kind === 'decimal') {
    try {
      return new Dec(String(a)).eq(new Dec(String(b)));
    } catch {
      return String(a) === String(b);
    }
  }
  return a === b;
}

class Collector {
  readonly changes: TermChange[] = [];

  field(path: string, label: string, before: unknown, after: unknown, kind: Kind): void {
    if (same(before, after, kind)) return;
    this.changes.push({ path, label, change: 'changed', before: show(before, kind), after: show(after, kind) });
  }

  fields<T extends object>(prefix: string, labelOf: (label: string) => string, before: T, after: T, fields: Fields<T>): void {
    for (const [key, label, kind] of fields) {
      this.field(`${prefix}${key}`, labelOf(label), before[key], after[key], kind);
    }
  }

  added(path: string, label: string, summary: string): void {
    this.changes.push({ path, label, change: 'added', before: null, after: summary });
  }

  removed(path: string, label: string, summary: string): void {
    this.changes.push({ path, label, change: 'removed', before: summary, after: null });
  }
}

const PARTNER_FIELDS: Fields<Partner> = [
  ['name', 'Name', 'text'],
  ['country', 'Country', 'text'],
  ['kind', 'Kind', 'text'],
  ['state', 'State participation', 'boolean'],
  ['equity', 'Equity', 'decimal'],
  ['foreign', 'Foreign investor', 'boolean'],
  ['hurdleRate', 'Hurdle rate', 'decimal'],
  ['fundingCap', 'Funding cap', 'decimal'],
];

const TECHNOLOGY_FIELDS: Fields<TechnologyAgreement> = [
  ['name', 'Name', 'text'],
  ['licensor', 'Licensor', 'text'],
  ['foreign', 'Foreign licensor', 'boolean'],
  ['recoveryUplift', 'Recovery uplift', 'decimal'],
  ['royaltyRate', 'Technology royalty rate', 'decimal'],
  ['royaltyFromYear', 'Technology royalty from year', 'integer'],
  ['royaltyToYear', 'Technology royalty to year', 'integer'],
  ['royaltyCapPerYear', 'Technology royalty cap per year', 'decimal'],
];

const OFFTAKE_FIELDS: Fields<Offtake> = [
  ['offtaker', 'Offtaker', 'text'],
  ['share', 'Offtake share', 'decimal'],
  ['discount', 'Offtake discount', 'decimal'],
  ['floor', 'Offtake floor', 'decimal'],
  ['ceiling', 'Offtake ceiling', 'decimal'],
  ['fromYear', 'Offtake from year', 'integer'],
  ['toYear', 'Offtake to year', 'integer'],
];

function byId<T extends { id: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((item) => [item.id, item]));
}

function matchById<T extends { id: string }>(
  out: Collector,
  listPath: string,
  noun: string,
  before: T[],
  after: T[],
  describe: (item: T) => string,
  compare: (prefix: string, name: string, a: T, b: T) => void,
): void {
  const afterById = byId(after);
  const beforeById = byId(before);
  for (const item of before) {
    const other = afterById.get(item.id);
    if (other) compare(`${listPath}[${item.id}].`, describe(other), item, other);
    else out.removed(`${listPath}[${item.id}]`, `${noun} ${describe(item)}`, summarize(item));
  }
  for (const item of after) {
    if (!beforeById.has(item.id)) out.added(`${listPath}[${item.id}]`, `${noun} ${describe(item)}`, summarize(item));
  }
}

function summarize(value: unknown): string {
  return JSON.stringify(value);
}

function nameOf(item: { id: string; name?: string | null }): string {
  return item.name ?? item.id;
}

/** Every term that differs from `before` to `after`, in the order of the interchange document. */
export function diffTerms(before: Structure, after: Structure): TermChange[] {
  const out = new Collector();
  out.field('name', 'Structure name', before.name, after.name, 'text');
  const a = before.terms;
  const b = after.terms;

  matchById(out, 'partners', 'Partner', a.partners, b.partners, nameOf, (prefix, name, p, q) => {
    out.fields(prefix, (label) => `${label} of ${name}`, p, q, PARTNER_FIELDS);
    const pc = p.carried ?? null;
    const qc = q.carried ?? null;
    if (pc && qc) {
      out.field(`${prefix}carried.interestRate`, `Carry interest rate of ${name}`, pc.interestRate, qc.interestRate, 'decimal');
      out.field(`${prefix}carried.repaymentShare`, `Carry repayment share of ${name}`, pc.repaymentShare, qc.repaymentShare, 'decimal');
    } else if (pc || qc) {
      out.field(`${prefix}carried`, `Carried interest of ${name}`, pc && summarize(pc), qc && summarize(qc), 'text');
    }
  });
  out.field('deemedValue', 'Deemed value', a.deemedValue, b.deemedValue, 'decimal');
  out.field('dilution', 'Dilution of non-funding partners', a.dilution, b.dilution, 'boolean');

  const ra = a.fiscal.royalty;
  const rb = b.fiscal.royalty;
  out.field('fiscal.royalty.base', 'Royalty base', ra.base, rb.base, 'text');
  out.field('fiscal.royalty.interpolate', 'Royalty bands interpolated', ra.interpolate, rb.interpolate, 'boolean');
  const bands = Math.max(ra.bands.length, rb.bands.length);
  for (let i = 0; i < bands; i += 1) {
    const x = ra.bands[i];
    const y = rb.bands[i];
    const path = `fiscal.royalty.bands[${i}]`;
    if (x && y) {
      out.field(`${path}.fromPrice`, `Royalty band ${i + 1} from price`, x.fromPrice, y.fromPrice, 'decimal');
      out.field(`${path}.rate`, `Royalty band ${i + 1} rate`, x.rate, y.rate, 'decimal');
    } else if (y) out.added(path, `Royalty band ${i + 1}`, `from ${String(y.fromPrice)}: ${String(y.rate)}`);
    else if (x) out.removed(path, `Royalty band ${i + 1}`, `from ${String(x.fromPrice)}: ${String(x.rate)}`);
  }
  const ta = a.fiscal.incomeTax;
  const tb = b.fiscal.incomeTax;
  out.field('fiscal.incomeTax.rate', 'Income tax rate', ta.rate, tb.rate, 'decimal');
  out.field('fiscal.incomeTax.depreciationYears', 'Depreciation years', ta.depreciationYears, tb.depreciationYears, 'integer');
  out.field('fiscal.incomeTax.lossCarryForwardYears', 'Loss carry-forward years', ta.lossCarryForwardYears, tb.lossCarryForwardYears, 'integer');
  const rrtA = a.fiscal.resourceRentTax ?? null;
  const rrtB = b.fiscal.resourceRentTax ?? null;
  if (rrtA && rrtB) {
    out.field('fiscal.resourceRentTax.rate', 'Resource rent tax rate', rrtA.rate, rrtB.rate, 'decimal');
    out.field('fiscal.resourceRentTax.thresholdRate', 'Resource rent tax threshold rate', rrtA.thresholdRate, rrtB.thresholdRate, 'decimal');
  } else if (rrtB) out.added('fiscal.resourceRentTax', 'Resource rent tax', `rate ${String(rrtB.rate)}, threshold ${String(rrtB.thresholdRate)}`);
  else if (rrtA) out.removed('fiscal.resourceRentTax', 'Resource rent tax', `rate ${String(rrtA.rate)}, threshold ${String(rrtA.thresholdRate)}`);
  out.field('fiscal.withholding.dividends', 'Withholding tax on dividends', a.fiscal.withholding.dividends, b.fiscal.withholding.dividends, 'decimal');
  out.field('fiscal.withholding.technology', 'Withholding tax on technology payments', a.fiscal.withholding.technology, b.fiscal.withholding.technology, 'decimal');
  out.field('fiscal.communityShare', 'Community share', a.fiscal.communityShare, b.fiscal.communityShare, 'decimal');

  matchById(out, 'technology', 'Technology agreement', a.technology, b.technology, nameOf, (prefix, name, t, u) => {
    out.fields(prefix, (label) => `${label} (${name})`, t, u, TECHNOLOGY_FIELDS);
    const fees = (agreement: TechnologyAgreement): string => agreement.fees.map((fee) => `${fee.year}: ${String(fee.amount)}`).join('; ') || 'none';
    const feesSame =
      t.fees.length === u.fees.length && t.fees.every((fee, i) => fee.year === u.fees[i]?.year && same(fee.amount, u.fees[i]?.amount, 'decimal'));
    if (!feesSame) out.field(`${prefix}fees`, `Technology fees (${name})`, fees(t), fees(u), 'text');
  });
  matchById(out, 'offtake', 'Offtake', a.offtake, b.offtake, (o) => o.id, (prefix, name, o, q) => {
    out.fields(prefix, (label) => `${label} (${name})`, o, q, OFFTAKE_FIELDS);
  });
  return out.changes;
}
