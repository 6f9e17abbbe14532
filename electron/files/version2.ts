// The methodology-v2 terms of a project, taken out of and put back into the interchange tree
// (migration 004). Where each field lives is the engine's one list (shared/engine/validate-v2.ts).
import { asArray, asObject, type JsonObject } from './cells.ts';
import { NumberLiteral } from './literal-json.ts';

const TERMS = ['debt', 'priceSupport'];
const FISCAL = ['capitalGrant', 'stabilized', 'stabilizedUntilYear'];
const INCOME_TAX = ['holidayYears', 'investmentAllowance', 'depreciation', 'thinCapRatio'];
const WITHHOLDING = ['interest'];
const OVERRIDES = ['fiscalChange'];

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof NumberLiteral);

/** Copies the fields `keys` present in `from` (null included) into a new object; undefined when none is. */
function pick(from: unknown, keys: readonly string[]): JsonObject | undefined {
  if (!isObject(from)) return undefined;
  const out: JsonObject = {};
  for (const key of keys) if (Object.hasOwn(from, key) && from[key] !== undefined) out[key] = from[key];
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Drops keys whose value is undefined, and returns undefined for an empty object. */
function compact(obj: JsonObject): JsonObject | undefined {
  for (const key of Object.keys(obj)) if (obj[key] === undefined) delete obj[key];
  return Object.keys(obj).length > 0 ? obj : undefined;
}

/** Whether the project is version 2 (`version` written as a number, a literal or a string). */
export function isVersion2Tree(project: JsonObject): boolean {
  const v = project.version;
  return String(v instanceof NumberLiteral ? v.text : v) === '2';
}

/** The v2 terms of a project tree, keyed by owner id. */
export function version2TermsOf(project: JsonObject): JsonObject {
  const structures: JsonObject = {};
  for (const s of asArray(project.structures)) {
    const structure = asObject(s);
    const terms = asObject(structure.terms);
    const fiscal = isObject(terms.fiscal) ? terms.fiscal : {};
    const picked = compact({
      ...pick(terms, TERMS),
      fiscal: compact({
        ...pick(fiscal, FISCAL),
        incomeTax: pick(fiscal.incomeTax, INCOME_TAX),
        withholding: pick(fiscal.withholding, WITHHOLDING),
      }),
    });
    if (picked) structures[String(structure.id)] = picked;
  }
  const overrides = (list: unknown): JsonObject => {
    const out: JsonObject = {};
    for (const item of asArray(list ?? [])) {
      const owner = asObject(item);
      const picked = pick(owner.overrides, OVERRIDES);
      if (picked) out[String(owner.id)] = picked;
    }
    return out;
  };
  return { structures, scenarios: overrides(project.scenarios), shocks: Array.isArray(project.shocks) ? overrides(project.shocks) : {} };
}

/** Puts `source`'s fields into `target`, recursively for objects both hold. */
function merge(target: JsonObject, source: JsonObject): void {
  for (const [key, value] of Object.entries(source)) {
    if (isObject(value) && isObject(target[key]) && !Array.isArray(value)) merge(target[key] as JsonObject, value);
    else target[key] = value;
  }
}

/** Puts the stored v2 terms back into a tree read from the version-1 tables. */
export function applyVersion2Terms(project: JsonObject, version: unknown, stored: JsonObject): void {
  project.version = version;
  const byId = (list: unknown) => new Map(asArray(list ?? []).map((item) => [String(asObject(item).id), asObject(item)]));
  const structures = byId(project.structures);
  for (const [id, terms] of Object.entries(asObject(stored.structures ?? {}))) {
    const structure = structures.get(id);
    if (structure) merge(asObject(structure.terms), asObject(terms));
  }
  for (const list of ['scenarios', 'shocks'] as const) {
    const owners = byId(Array.isArray(project[list]) ? project[list] : []);
    for (const [id, fields] of Object.entries(asObject(stored[list] ?? {}))) {
      const owner = owners.get(id);
      if (owner) merge(asObject(owner.overrides), asObject(fields));
    }
  }
}
