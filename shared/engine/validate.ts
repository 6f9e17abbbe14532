import { Dec, type Dec as Decimal } from './arithmetic.ts';
import { RESERVED_PARTY_IDS, type Project } from './interchange.ts';
import {
  at, checkField, checkFields, checkList, checkObject, checkShape, checkString, isUnset, listField, Problems, seriesField,
  type Json, type Problem,
} from './validate-primitives.ts';
import { checkOverrides, checkShocks } from './validate-scenarios.ts';
import { duplicateIds, optionalText, type Horizon } from './validate-primitives.ts';
import { fieldsOf } from '../fields/lookup.ts';
import { patternOf } from '../fields/paths.ts';
import { checkRiskBlock } from '../risk/validate-risk.ts';
import { checkNegotiationBlock } from '../negotiation/validate-reservations.ts';
import { checkVersion2, projectVersion, withoutVersion2Fields } from './validate-v2.ts';

export type { Problem } from './validate-primitives.ts';
export type ValidationResult = { ok: true; project: Project } | { ok: false; problems: Problem[] };

/** §9: every problem of a project document at once; the project is returned only when there is none. */
export function validateProject(input: unknown): ValidationResult {
  const p = new Problems();
  const full = isJsonValue(input) ? (JSON.parse(JSON.stringify(input)) as unknown) : input;
  // The version-1 checks see the document without its version-2 fields (validate-v2.ts).
  const doc = isJsonObject(full) ? withoutVersion2Fields(full) : full;
  const root = checkObject(p, doc, '', 'a project', ['format', 'version', 'assumptions', 'structures', 'scenarios'], ['name', 'notes', 'shocks', 'risk', 'negotiation']);
  if (root) {
    if (root.format !== 'orebridge-project') p.add('format', `must be "orebridge-project", not ${JSON.stringify(root.format)}: this is not an Orebridge project document`);
    const version = projectVersion(root.version);
    if (version === null) p.add('version', `must be 1 or 2 (this version of Orebridge reads project documents of versions 1 and 2), not ${JSON.stringify(root.version)}`);
    optionalText(p, root, '', ['name', 'notes']);
    const horizon = checkAssumptions(p, root.assumptions, 'assumptions');
    checkStructures(p, root.structures, horizon);
    const scenarios = checkList(p, root.scenarios, 'scenarios', 'scenarios', true);
    scenarios?.forEach((s, i) => {
      const path = at('scenarios', i);
      const scenario = checkShape(p, s, path);
      if (!scenario) return;
      checkFields(p, scenario, path);
      checkOverrides(p, scenario.overrides, at(path, 'overrides'), horizon);
    });
    if (scenarios) duplicateIds(p, scenarios, 'scenarios');
    if (!isUnset(root.shocks)) checkShocks(p, root.shocks, 'shocks', horizon);
    if (!isUnset(root.risk)) checkRiskBlock(p, root.risk, 'risk');
    if (!isUnset(root.negotiation)) checkNegotiationBlock(p, root.negotiation, 'negotiation', root);
    if (isJsonObject(full)) checkVersion2(p, full, version, horizon);
  }
  return p.list.length === 0 ? { ok: true, project: mergeNormalised(doc as Json, full as Json) as unknown as Project } : { ok: false, problems: p.list };
}

const isJsonObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The version-1 checks normalise what they read (integers written as strings become numbers) in
 * `checked`; the project returned is `checked` with the version-2 fields of `full` put back.
 */
function mergeNormalised(checked: Json, full: Json): Json {
  for (const [key, value] of Object.entries(full)) {
    if (!(key in checked)) checked[key] = value;
    else if (isJsonObject(value) && isJsonObject(checked[key])) mergeNormalised(checked[key] as Json, value);
    else if (Array.isArray(value) && Array.isArray(checked[key])) {
      const list = checked[key] as unknown[];
      value.forEach((item, i) => { if (isJsonObject(item) && isJsonObject(list[i])) mergeNormalised(list[i] as Json, item); });
    }
  }
  return checked;
}

function isJsonValue(input: unknown): boolean {
  try {
    JSON.stringify(input);
    return typeof input === 'object' && input !== null;
  } catch {
    return false;
  }
}

function checkAssumptions(p: Problems, value: unknown, path: string): Horizon {
  const horizon: Horizon = { startYear: null, years: null };
  const a = checkShape(p, value, path);
  if (!a) return horizon;
  horizon.startYear = checkField(p, a, 'startYear', path) as number | null;
  horizon.years = checkField(p, a, 'years', path) as number | null;
  checkFields(p, a, path, ['startYear', 'years']);
  const n = horizon.years;
  seriesField(p, a, 'prices', path, n);
  for (const group of ['production', 'costs', 'capex']) {
    const groupPath = at(path, group);
    const values = checkShape(p, a[group], groupPath);
    if (!values) continue;
    checkFields(p, values, groupPath);
    for (const field of fieldsOf(patternOf(groupPath), 1)) if (field.series) seriesField(p, values, field.pattern.slice(field.pattern.lastIndexOf('.') + 1), groupPath, n);
  }
  return horizon;
}

function checkStructures(p: Problems, value: unknown, horizon: Horizon): void {
  const structures = checkList(p, value, 'structures', 'deal structures', true);
  if (!structures) return;
  structures.forEach((s, i) => {
    const path = at('structures', i);
    const structure = checkShape(p, s, path);
    if (!structure) return;
    checkFields(p, structure, path);
    checkTerms(p, structure.terms, at(path, 'terms'), horizon);
  });
  duplicateIds(p, structures, 'structures');
}

function checkTerms(p: Problems, value: unknown, path: string, horizon: Horizon): void {
  const terms = checkShape(p, value, path);
  if (!terms) return;
  const partnerIds = checkPartners(p, terms.partners, at(path, 'partners'));
  checkFields(p, terms, path);
  checkFiscal(p, terms.fiscal, at(path, 'fiscal'));
  checkTechnology(p, terms.technology, at(path, 'technology'), partnerIds, horizon);
  checkOfftakes(p, terms.offtake, at(path, 'offtake'), partnerIds, horizon);
}

/** Returns the partner ids (null when the list itself is unusable). */
function checkPartners(p: Problems, value: unknown, path: string): Set<string> | null {
  const partners = listField(p, value, path);
  if (!partners) return null;
  const ids = new Set<string>();
  // List-level problems are reported as well as their entries' (§9, settled readings): the sum
  // runs over every equity that can be read.
  let equitySum = new Dec(0);
  let unreadable = 0;
  let fundingEquity = false;
  partners.forEach((item, i) => {
    const pp = at(path, i);
    const partner = checkShape(p, item, pp);
    if (!partner) {
      unreadable++;
      return;
    }
    const id = checkField(p, partner, 'id', pp) as string | null;
    if (id !== null) {
      if (RESERVED_PARTY_IDS.includes(id)) p.add(at(pp, 'id'), `"${id}" is reserved for a party that is not a partner: choose another id`);
      ids.add(id);
    }
    const equity = checkField(p, partner, 'equity', pp) as Decimal | null;
    if (equity === null) unreadable++;
    else equitySum = equitySum.plus(equity);
    checkFields(p, partner, pp, ['id', 'equity']);
    if (!isUnset(partner.carried)) {
      const cp = at(pp, 'carried');
      const carried = checkShape(p, partner.carried, cp);
      if (carried) checkFields(p, carried, cp);
    } else if (equity !== null && equity.gt(0)) fundingEquity = true;
  });
  if (partners.length > unreadable && !equitySum.eq(1)) {
    p.add(path, `the partners' equities must add up to exactly 1 (100 %); ${unreadable > 0 ? 'those that can be read' : 'they'} add up to ${equitySum.toString()}`);
  }
  if (partners.length > 0 && !fundingEquity && partners.every(isFundable)) {
    p.add(path, 'at least one partner without carried terms must hold equity above 0, or no one funds the venture');
  }
  duplicateIds(p, partners, path);
  return ids;
}

const isFundable = (item: unknown) => typeof item === 'object' && item !== null;

function checkFiscal(p: Problems, value: unknown, path: string): void {
  const fiscal = checkShape(p, value, path);
  if (!fiscal) return;
  checkFields(p, fiscal, path);
  const rp = at(path, 'royalty');
  const royalty = checkShape(p, fiscal.royalty, rp);
  if (royalty) {
    checkFields(p, royalty, rp);
    checkBands(p, royalty.bands, at(rp, 'bands'));
  }
  for (const [key, optional] of [['incomeTax', false], ['resourceRentTax', true], ['withholding', false]] as const) {
    if (optional && isUnset(fiscal[key])) continue;
    const groupPath = at(path, key);
    const group = checkShape(p, fiscal[key], groupPath);
    if (group) checkFields(p, group, groupPath);
  }
}

function checkBands(p: Problems, value: unknown, path: string): void {
  const bands = listField(p, value, path);
  if (!bands) return;
  let previous: Decimal | null = null;
  bands.forEach((item, i) => {
    const bp = at(path, i);
    const band = checkShape(p, item, bp);
    if (!band) {
      previous = null;
      return;
    }
    checkFields(p, band, bp, ['fromPrice']);
    const from = checkField(p, band, 'fromPrice', bp) as Decimal | null;
    if (from !== null && i === 0 && !from.isZero()) p.add(at(bp, 'fromPrice'), `the first band must start at price 0, not ${from.toString()}`);
    const before = previous as Decimal | null;
    if (from !== null && before !== null && from.lte(before)) {
      p.add(at(bp, 'fromPrice'), `bands must be strictly ascending: ${from.toString()} is not above the previous band's ${before.toString()}`);
    }
    previous = from;
  });
}

function checkPartnerRef(p: Problems, value: unknown, path: string, partnerIds: Set<string> | null, role: string): string | null {
  const ref = checkString(p, value, path, `a partner id or "external"`);
  if (ref !== null && ref !== 'external' && partnerIds !== null && !partnerIds.has(ref)) {
    p.add(path, `"${ref}" is not a partner of this structure: the ${role} must be a partner id or "external"`);
  }
  return ref;
}

/** A window of calendar years; one that ends before it starts is empty, not a problem (§9, settled readings). */
function checkWindow(p: Problems, obj: Json, path: string, fromKey: string, toKey: string): void {
  checkField(p, obj, fromKey, path);
  checkField(p, obj, toKey, path);
}

function checkTechnology(p: Problems, value: unknown, path: string, partnerIds: Set<string> | null, horizon: Horizon): void {
  const list = listField(p, value, path);
  if (!list) return;
  list.forEach((item, i) => {
    const tp = at(path, i);
    const t = checkShape(p, item, tp);
    if (!t) return;
    checkFields(p, t, tp, ['licensor', 'foreign', 'royaltyFromYear', 'royaltyToYear']);
    const licensor = checkPartnerRef(p, t.licensor, at(tp, 'licensor'), partnerIds, 'licensor');
    if (licensor === 'external' && isUnset(t.foreign)) {
      p.add(at(tp, 'foreign'), 'is missing: an external licensor needs a foreign flag (true or false) for withholding tax');
    } else checkField(p, t, 'foreign', tp);
    checkWindow(p, t, tp, 'royaltyFromYear', 'royaltyToYear');
    const fees = listField(p, t.fees, at(tp, 'fees'));
    fees?.forEach((f, j) => {
      const fp = at(at(tp, 'fees'), j);
      const fee = checkShape(p, f, fp);
      if (fee) checkFields(p, fee, fp);
    });
  });
  duplicateIds(p, list, path);
  void horizon;
}

function checkOfftakes(p: Problems, value: unknown, path: string, partnerIds: Set<string> | null, horizon: Horizon): void {
  const list = listField(p, value, path);
  if (!list) return;
  // The yearly sum runs over every share that can be read, so it is reported as well as the
  // problems of the entries (§9, settled readings).
  const shares: { share: Decimal; from: number | null; to: number | null }[] = [];
  list.forEach((item, i) => {
    const op = at(path, i);
    const o = checkShape(p, item, op);
    if (!o) return;
    checkPartnerRef(p, o.offtaker, at(op, 'offtaker'), partnerIds, 'offtaker');
    const share = checkField(p, o, 'share', op) as Decimal | null;
    checkFields(p, o, op, ['offtaker', 'share', 'fromYear', 'toYear']);
    checkWindow(p, o, op, 'fromYear', 'toYear');
    const from = typeof o.fromYear === 'number' ? o.fromYear : null;
    const to = typeof o.toYear === 'number' ? o.toYear : null;
    if (share !== null) shares.push({ share, from, to });
  });
  duplicateIds(p, list, path);
  if (horizon.startYear === null || horizon.years === null) return;
  for (let k = 0; k < horizon.years; k++) {
    const year = horizon.startYear + k;
    const sum = shares.reduce((s, o) => ((o.from === null || year >= o.from) && (o.to === null || year <= o.to) ? s.plus(o.share) : s), new Dec(0));
    if (sum.gt(1)) {
      p.add(path, `offtake shares add up to ${sum.toString()} in ${year}: at most the whole output (1) can be sold under offtakes`);
      return;
    }
  }
}
