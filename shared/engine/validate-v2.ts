import { Dec, type Dec as Decimal } from './arithmetic.ts';
import { decimalTextOf, wholeNumberOfText } from './decimal-text.ts';
import { EXTERNAL_LENDER_ID } from './interchange.ts';
import {
  at, checkField, checkFields, checkShape, duplicateIds, isUnset, listField, type Horizon, type Json, type Problems,
} from './validate-primitives.ts';

// §9 "Version 2" and interchange.md "Version 2": the fields a version-2 project may carry, where
// they live, and their rules. The version-1 checks never see these fields: they are taken out of
// the document first, so that a version-1 project carrying one gets exactly one problem for it.

/** A v2 field found in a document: its container, key and full path. */
export interface Version2Field {
  container: Json;
  key: string;
  path: string;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const child = (obj: Json | null, key: string): Json | null => (obj && isObject(obj[key]) ? obj[key] as Json : null);
const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Where version-2 fields may appear, relative to one structure's terms. */
const TERMS_FIELDS = ['debt', 'priceSupport'];
const FISCAL_FIELDS = ['capitalGrant', 'stabilized', 'stabilizedUntilYear'];
const INCOME_TAX_FIELDS = ['holidayYears', 'investmentAllowance', 'depreciation', 'thinCapRatio'];
const WITHHOLDING_FIELDS = ['interest'];
const OVERRIDE_FIELDS = ['fiscalChange'];

/** Every version-2 field present in a project document (null values included). */
export function findVersion2Fields(root: Json): Version2Field[] {
  const found: Version2Field[] = [];
  const collect = (container: Json | null, path: string, keys: readonly string[]) => {
    if (!container) return;
    for (const key of keys) if (key in container) found.push({ container, key, path: at(path, key) });
  };
  items(root.structures).forEach((s, i) => {
    const termsPath = at(at('structures', i), 'terms');
    const terms = child(isObject(s) ? s : null, 'terms');
    collect(terms, termsPath, TERMS_FIELDS);
    const fiscal = child(terms, 'fiscal');
    collect(fiscal, at(termsPath, 'fiscal'), FISCAL_FIELDS);
    collect(child(fiscal, 'incomeTax'), at(at(termsPath, 'fiscal'), 'incomeTax'), INCOME_TAX_FIELDS);
    collect(child(fiscal, 'withholding'), at(at(termsPath, 'fiscal'), 'withholding'), WITHHOLDING_FIELDS);
  });
  for (const list of ['scenarios', 'shocks']) {
    items(root[list]).forEach((s, i) => collect(child(isObject(s) ? s : null, 'overrides'), at(at(list, i), 'overrides'), OVERRIDE_FIELDS));
  }
  return found;
}

/** A copy of the document without its version-2 fields, for the version-1 checks. */
export function withoutVersion2Fields(root: Json): Json {
  const copy = JSON.parse(JSON.stringify(root)) as Json;
  for (const field of findVersion2Fields(copy)) delete field.container[field.key];
  return copy;
}

/** `version` is 1 or 2, written as a number or a decimal string; null when it is neither. */
export function projectVersion(value: unknown): 1 | 2 | null {
  const text = decimalTextOf(value);
  const whole = text === null ? null : wholeNumberOfText(text);
  return whole === 1 || whole === 2 ? whole : null;
}

/**
 * §9 "Version 2": in a version-1 project each v2 field is a problem at its path; in a version-2
 * project each field is checked by its rules.
 */
export function checkVersion2(p: Problems, root: Json, version: 1 | 2 | null, horizon: Horizon): void {
  const fields = findVersion2Fields(root);
  if (version === 1) {
    for (const f of fields) p.add(f.path, 'is a version-2 field: set "version": 2 to use it, or remove it');
    return;
  }
  if (version !== 2) return;
  items(root.structures).forEach((s, i) => {
    const termsPath = at(at('structures', i), 'terms');
    const terms = child(isObject(s) ? s : null, 'terms');
    if (!terms) return;
    const partners = items(terms.partners).filter(isObject);
    const partnerIds = new Set(partners.map((x) => x.id).filter((id): id is string => typeof id === 'string'));
    items(terms.partners).forEach((x, j) => {
      if (isObject(x) && x.id === EXTERNAL_LENDER_ID) {
        p.add(at(at(at(termsPath, 'partners'), j), 'id'), `"${EXTERNAL_LENDER_ID}" is reserved for the external lenders' party: choose another id`);
      }
    });
    if (!isUnset(terms.debt)) checkDebt(p, terms.debt, at(termsPath, 'debt'), partnerIds);
    if (!isUnset(terms.priceSupport)) checkPriceSupport(p, terms.priceSupport, at(termsPath, 'priceSupport'), horizon);
    const fiscal = child(terms, 'fiscal');
    if (fiscal) checkFiscalV2(p, fiscal, at(termsPath, 'fiscal'));
  });
  for (const list of ['scenarios', 'shocks']) {
    items(root[list]).forEach((s, i) => {
      const overrides = child(isObject(s) ? s : null, 'overrides');
      if (overrides && !isUnset(overrides.fiscalChange)) checkFiscalChange(p, overrides.fiscalChange, at(at(at(list, i), 'overrides'), 'fiscalChange'));
    });
  }
}

/** §14 terms.debt: each field by its catalogue entry; the rules between fields here. */
function checkDebt(p: Problems, value: unknown, path: string, partnerIds: Set<string>): void {
  const list = listField(p, value, path);
  if (!list) return;
  list.forEach((item, d) => {
    const tp = at(path, d);
    const t = checkShape(p, item, tp, 2);
    if (!t) return;
    checkFields(p, t, tp, ['lender', 'foreign', 'gearing', 'drawFromYear', 'drawToYear'], 2);
    if (t.lender === 'external') {
      if (typeof t.foreign !== 'boolean') {
        p.add(at(tp, 'foreign'), 'must be true or false for an external lender (whether interest paid to it bears withholding tax)');
      }
    } else if (typeof t.lender !== 'string' || !partnerIds.has(t.lender)) {
      p.add(at(tp, 'lender'), `must be a partner id of this structure or "external", not ${JSON.stringify(t.lender ?? null)}`);
    } else checkField(p, t, 'foreign', tp);
    const geared = !isUnset(t.gearing);
    const dated = !isUnset(t.drawdowns);
    if (geared && dated) p.add(tp, 'has both a gearing and dated drawdowns: a tranche is drawn on exactly one of them');
    if (!geared && !dated) p.add(tp, 'needs either a gearing (a share of capex) or a list of dated drawdowns');
    checkField(p, t, 'gearing', tp);
    for (const key of ['drawFromYear', 'drawToYear']) {
      if (isUnset(t[key])) continue;
      if (!geared) p.add(at(tp, key), 'applies only to a tranche drawn on a gearing of capex');
      else checkField(p, t, key, tp);
    }
    if (dated) {
      const dp = at(tp, 'drawdowns');
      listField(p, t.drawdowns, dp)?.forEach((x, j) => {
        const ep = at(dp, j);
        const entry = checkShape(p, x, ep, 2);
        if (entry) checkFields(p, entry, ep, [], 2);
      });
    }
  });
  duplicateIds(p, list, path);
}

/** §11 terms.priceSupport. */
function checkPriceSupport(p: Problems, value: unknown, path: string, horizon: Horizon): void {
  const list = listField(p, value, path);
  if (!list) return;
  const shares: { share: Decimal; from: number | null; to: number | null }[] = [];
  let usable = true;
  list.forEach((item, c) => {
    const cp = at(path, c);
    const k = checkShape(p, item, cp, 2);
    if (!k) {
      usable = false;
      return;
    }
    checkFields(p, k, cp, ['strike', 'share', 'fromYear', 'toYear', 'capPrice', 'upsideShare'], 2);
    const strike = checkField(p, k, 'strike', cp) as Decimal | null;
    const share = checkField(p, k, 'share', cp) as Decimal | null;
    const from = checkField(p, k, 'fromYear', cp) as number | null;
    const to = checkField(p, k, 'toYear', cp) as number | null;
    const hasCap = !isUnset(k.capPrice);
    const hasUpside = !isUnset(k.upsideShare);
    if (hasCap !== hasUpside) p.add(cp, 'needs both a cap price and an upside share, or neither: the clawback above the cap is a share of the excess');
    checkField(p, k, 'upsideShare', cp);
    const cap = checkField(p, k, 'capPrice', cp) as Decimal | null;
    if (cap !== null && strike !== null && cap.lt(strike)) p.add(at(cp, 'capPrice'), `must not be below the strike (${strike.toString()}), not ${cap.toString()}`);
    if (share === null || (!isUnset(k.fromYear) && from === null) || (!isUnset(k.toYear) && to === null)) usable = false;
    else shares.push({ share, from, to });
  });
  duplicateIds(p, list, path);
  if (!usable || horizon.startYear === null || horizon.years === null) return;
  for (let year = horizon.startYear; year < horizon.startYear + horizon.years; year++) {
    const sum = shares.reduce((s, o) => ((o.from === null || year >= o.from) && (o.to === null || year <= o.to) ? s.plus(o.share) : s), new Dec(0));
    if (sum.gt(1)) p.add(path, `price-support shares add up to ${sum.toString()} in ${year}: at most the whole output (1) can be covered`);
  }
}

/** §12, §13, §14, §15 fields of terms.fiscal. */
function checkFiscalV2(p: Problems, fiscal: Json, path: string): void {
  const taxPath = at(path, 'incomeTax');
  const tax = child(fiscal, 'incomeTax');
  if (tax) {
    for (const key of ['holidayYears', 'investmentAllowance', 'thinCapRatio']) checkField(p, tax, key, taxPath);
    if (!isUnset(tax.depreciation)) {
      const dp = at(taxPath, 'depreciation');
      const dep = checkShape(p, tax.depreciation, dp, 2);
      if (dep) {
        const method = checkField(p, dep, 'method', dp);
        if (method === 'declining-balance') {
          const rate = checkField(p, dep, 'rate', dp) as Decimal | null;
          if (isUnset(dep.rate) || (rate !== null && rate.isZero())) p.add(at(dp, 'rate'), 'must be a rate above 0 and at most 1 for declining-balance depreciation (0.25 writes off 25 % of the balance a year)');
        } else if (method === 'straight-line' && !isUnset(dep.rate)) {
          p.add(at(dp, 'rate'), 'applies only to declining-balance depreciation: straight line uses depreciationYears');
        }
      }
    }
  }
  const withholding = child(fiscal, 'withholding');
  if (withholding) checkField(p, withholding, 'interest', at(path, 'withholding'));
  if (!isUnset(fiscal.capitalGrant)) {
    const gp = at(path, 'capitalGrant');
    const grant = checkShape(p, fiscal.capitalGrant, gp, 2);
    if (grant) checkFields(p, grant, gp, [], 2);
  }
  checkField(p, fiscal, 'stabilized', path);
  const year = checkField(p, fiscal, 'stabilizedUntilYear', path);
  if (year !== null && fiscal.stabilized !== true) {
    p.add(at(path, 'stabilizedUntilYear'), 'is given but the terms are not stabilised: set "stabilized": true or remove the year');
  }
}

/** §15 overrides.fiscalChange of a scenario or shock. */
function checkFiscalChange(p: Problems, value: unknown, path: string): void {
  const change = checkShape(p, value, path, 2);
  if (change) checkFields(p, change, path, [], 2);
}
