import { Dec, type Dec as Decimal } from '../engine/arithmetic.ts';
import { DISTRIBUTION_TYPES, RISK_TARGETS, type RiskBlock } from '../engine/interchange.ts';
import {
  at, checkChoice, checkDecimal, checkId, checkInteger, checkList, checkObject, integerField, isUnset, Problems,
  type Json, type Problem,
} from '../engine/validate-primitives.ts';
import { choleskyFactor, correlationMatrix } from './correlation.ts';

export const MAX_ITERATIONS = 1_000_000;
export const MAX_SEED = 2 ** 32 - 1;
export const NOT_PSD_MESSAGE = 'the correlations contradict each other: no set of variables can have them all';

const PARAMETERS: Record<string, { required: string[]; optional?: string[] }> = {
  fixed: { required: ['value'] },
  uniform: { required: ['min', 'max'] },
  triangular: { required: ['min', 'mode', 'max'] },
  pert: { required: ['min', 'mode', 'max'] },
  normal: { required: ['mean', 'sd'], optional: ['min', 'max'] },
  discrete: { required: ['values', 'probabilities'] },
};

interface VariableInfo {
  id: string;
  fixed: boolean;
}

/** §R1 every problem of a risk block, each with its full path under `path` (normally "risk"). */
export function checkRiskBlock(p: Problems, value: unknown, path: string): void {
  const risk = checkObject(p, value, path, 'the risk block', [], ['iterations', 'seed', 'variables', 'correlations', 'pricePath', 'disruption']);
  if (!risk) return;
  if (!isUnset(risk.iterations)) integerField(p, risk, 'iterations', path, 1, MAX_ITERATIONS, 'the number of iterations');
  if (!isUnset(risk.seed)) integerField(p, risk, 'seed', path, 0, MAX_SEED, 'the seed of the random draws');
  const variables = isUnset(risk.variables) ? [] : checkVariables(p, risk.variables, at(path, 'variables'));
  if (!isUnset(risk.correlations)) checkCorrelations(p, risk.correlations, at(path, 'correlations'), variables);
  if (!isUnset(risk.pricePath)) {
    const pp = at(path, 'pricePath');
    const pricePath = checkObject(p, risk.pricePath, pp, 'a price path', ['volatility', 'persistence']);
    if (pricePath) {
      checkDecimal(p, pricePath.volatility, at(pp, 'volatility'), 'non-negative');
      const phi = checkDecimal(p, pricePath.persistence, at(pp, 'persistence'), 'any');
      if (phi && (phi.lt(0) || phi.gte(1))) p.add(at(pp, 'persistence'), `must be at least 0 and below 1 (the share of last year's deviation that carries over), not ${phi.toString()}`);
    }
  }
  if (!isUnset(risk.disruption)) {
    const dp = at(path, 'disruption');
    const disruption = checkObject(p, risk.disruption, dp, 'a disruption', ['annualProbability', 'years']);
    if (disruption) {
      checkDecimal(p, disruption.annualProbability, at(dp, 'annualProbability'), 'fraction');
      integerField(p, disruption, 'years', dp, 1, 100, 'how many years a disruption lasts');
    }
  }
}

/** The risk block alone: every problem at once, paths starting with "risk". */
export function validateRiskBlock(value: unknown): { ok: true; risk: RiskBlock } | { ok: false; problems: Problem[] } {
  const p = new Problems();
  const copy = value === undefined ? value : (JSON.parse(JSON.stringify(value)) as unknown);
  checkRiskBlock(p, copy, 'risk');
  return p.list.length === 0 ? { ok: true, risk: copy as RiskBlock } : { ok: false, problems: p.list };
}

function checkVariables(p: Problems, value: unknown, path: string): VariableInfo[] {
  const list = checkList(p, value, path, 'variables', false);
  if (!list) return [];
  const info: VariableInfo[] = [];
  const ids = new Map<string, number>();
  const targets = new Map<string, number>();
  list.forEach((item, i) => {
    const vp = at(path, i);
    const v = checkObject(p, item, vp, 'a variable', ['id', 'target', 'distribution']);
    if (!v) return;
    const id = checkId(p, v.id, at(vp, 'id'));
    const target = 'target' in v ? checkChoice(p, v.target, at(vp, 'target'), RISK_TARGETS, 'what the variable moves') : null;
    if (id !== null) {
      const first = ids.get(id);
      if (first !== undefined) p.add(at(vp, 'id'), `"${id}" is already the id of ${at(path, first)}: ids must be unique`);
      else ids.set(id, i);
    }
    if (target !== null) {
      const first = targets.get(target);
      if (first !== undefined) p.add(at(vp, 'target'), `"${target}" is already moved by ${at(path, first)}: at most one variable per target`);
      else targets.set(target, i);
    }
    const fixed = 'distribution' in v ? checkDistribution(p, v.distribution, at(vp, 'distribution'), target) : false;
    if (id !== null) info.push({ id, fixed });
  });
  return info;
}

const nonNegativeText = 'the target is a factor, which cannot be negative';

/** Checks one distribution; returns whether it is `fixed`. */
function checkDistribution(p: Problems, value: unknown, path: string, target: string | null): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    checkObject(p, value, path, 'a distribution', ['type']);
    return false;
  }
  const d = value as Json;
  if (!('type' in d)) {
    p.add(at(path, 'type'), `is missing: a distribution needs it (one of ${DISTRIBUTION_TYPES.map((t) => `"${t}"`).join(', ')})`);
    return false;
  }
  const type = checkChoice(p, d.type, at(path, 'type'), DISTRIBUTION_TYPES, 'the kind of distribution');
  if (type === null) return false;
  const isDelay = target === 'delayYears';
  if (isDelay && type !== 'fixed' && type !== 'discrete') {
    p.add(at(path, 'type'), `must be "discrete" or "fixed" for delayYears (a delay is a whole number of years), not "${type}"`);
  }
  if (type === 'lognormal') {
    checkLognormal(p, d, path);
    return false;
  }
  const { required, optional = [] } = PARAMETERS[type]!;
  checkObject(p, d, path, `a ${type} distribution`, ['type', ...required], optional);
  const num = (key: string) => (key in d && !isUnset(d[key]) ? checkDecimal(p, d[key], at(path, key), 'any') : null);
  const mustBeNonNegative = (key: string, x: Decimal | null) => {
    if (x !== null && x.lt(0) && target !== null) p.add(at(path, key), `must be at least 0: ${nonNegativeText}, not ${x.toString()}`);
  };
  const mustBeWhole = (key: string, x: Decimal | null) => {
    if (isDelay && x !== null && (!x.isInteger() || x.lt(0))) p.add(at(path, key), `must be a whole number of years, 0 or more, not ${x.toString()}`);
  };
  switch (type) {
    case 'fixed': {
      const x = num('value');
      if (isDelay) mustBeWhole('value', x);
      else mustBeNonNegative('value', x);
      return true;
    }
    case 'uniform': {
      const min = num('min');
      const max = num('max');
      mustBeNonNegative('min', min);
      if (min && max && !min.lt(max)) p.add(at(path, 'max'), `must be above min (${min.toString()}), not ${max.toString()}`);
      return false;
    }
    case 'triangular':
    case 'pert': {
      const min = num('min');
      const mode = num('mode');
      const max = num('max');
      mustBeNonNegative('min', min);
      if (min && max && !min.lt(max)) p.add(at(path, 'max'), `must be above min (${min.toString()}), not ${max.toString()}`);
      else if (min && mode && mode.lt(min)) p.add(at(path, 'mode'), `must be at least min (${min.toString()}), not ${mode.toString()}`);
      else if (max && mode && mode.gt(max)) p.add(at(path, 'mode'), `must be at most max (${max.toString()}), not ${mode.toString()}`);
      return false;
    }
    case 'normal': {
      const sd = num('sd');
      const min = num('min');
      const max = num('max');
      if (sd && !sd.gt(0)) p.add(at(path, 'sd'), `must be above 0 (the standard deviation), not ${sd.toString()}`);
      if (min && max && !min.lt(max)) p.add(at(path, 'max'), `must be above min (${min.toString()}), not ${max.toString()}`);
      if (target !== null && !isDelay) {
        if (min === null && !('min' in d && !isUnset(d.min))) p.add(at(path, 'min'), `is missing: a normal distribution could draw a negative value, so give a min of 0 or more (${nonNegativeText})`);
        else mustBeNonNegative('min', min);
      }
      return false;
    }
    case 'discrete':
      checkDiscrete(p, d, path, isDelay, target !== null);
      return false;
  }
  return false;
}

function checkLognormal(p: Problems, d: Json, path: string): void {
  const byMoments = 'mean' in d || 'sd' in d;
  const byPercentiles = 'p10' in d || 'p90' in d;
  if (byMoments && byPercentiles) {
    p.add(path, 'must give either mean and sd, or p10 and p90, not both');
    return;
  }
  if (byPercentiles) {
    checkObject(p, d, path, 'a lognormal distribution', ['type', 'p10', 'p90']);
    const p10 = checkDecimal(p, d.p10, at(path, 'p10'), 'any');
    const p90 = checkDecimal(p, d.p90, at(path, 'p90'), 'any');
    if (p10 && !p10.gt(0)) p.add(at(path, 'p10'), `must be above 0 (a lognormal value is always positive), not ${p10.toString()}`);
    if (p10 && p90 && !p90.gt(p10)) p.add(at(path, 'p90'), `must be above p10 (${p10.toString()}), not ${p90.toString()}`);
    return;
  }
  if (!byMoments) {
    p.add(path, 'must give either mean and sd, or p10 and p90: a lognormal distribution needs one of the two');
    return;
  }
  checkObject(p, d, path, 'a lognormal distribution', ['type', 'mean', 'sd']);
  const mean = checkDecimal(p, d.mean, at(path, 'mean'), 'any');
  const sd = checkDecimal(p, d.sd, at(path, 'sd'), 'any');
  if (mean && !mean.gt(0)) p.add(at(path, 'mean'), `must be above 0 (a lognormal value is always positive), not ${mean.toString()}`);
  if (sd && !sd.gt(0)) p.add(at(path, 'sd'), `must be above 0 (the standard deviation), not ${sd.toString()}`);
}

function checkDiscrete(p: Problems, d: Json, path: string, isDelay: boolean, isFactor: boolean): void {
  const values = checkList(p, d.values, at(path, 'values'), 'values', true);
  const probabilities = checkList(p, d.probabilities, at(path, 'probabilities'), 'probabilities', true);
  values?.forEach((v, i) => {
    const x = checkDecimal(p, v, at(at(path, 'values'), i), 'any');
    if (x === null) return;
    if (isDelay && (!x.isInteger() || x.lt(0))) p.add(at(at(path, 'values'), i), `must be a whole number of years, 0 or more, not ${x.toString()}`);
    else if (!isDelay && isFactor && x.lt(0)) p.add(at(at(path, 'values'), i), `must be at least 0: ${nonNegativeText}, not ${x.toString()}`);
  });
  let sum: Decimal | null = new Dec(0);
  probabilities?.forEach((v, i) => {
    const x = checkDecimal(p, v, at(at(path, 'probabilities'), i), 'fraction');
    sum = x === null || sum === null ? null : sum.plus(x);
  });
  if (values && probabilities && values.length !== probabilities.length) {
    p.add(at(path, 'probabilities'), `must have one probability per value: ${values.length} values, ${probabilities.length} probabilities`);
  } else if (probabilities && probabilities.length > 0 && sum !== null && !(sum as Decimal).eq(1)) {
    p.add(at(path, 'probabilities'), `must add up to exactly 1, not ${(sum as Decimal).toString()}`);
  }
}

function checkCorrelations(p: Problems, value: unknown, path: string, variables: readonly VariableInfo[]): void {
  const list = checkList(p, value, path, 'correlations', false);
  if (!list) return;
  const byId = new Map(variables.map((v) => [v.id, v]));
  const seen = new Map<string, number>();
  const pairs: { a: string; b: string; rho: number }[] = [];
  let complete = true;
  list.forEach((item, i) => {
    const cp = at(path, i);
    const c = checkObject(p, item, cp, 'a correlation', ['a', 'b', 'rho']);
    if (!c) {
      complete = false;
      return;
    }
    const ends = (['a', 'b'] as const).map((key) => {
      const id = key in c ? checkId(p, c[key], at(cp, key)) : null;
      if (id === null) return null;
      const variable = byId.get(id);
      if (!variable) {
        p.add(at(cp, key), `"${id}" is not the id of a variable in risk.variables`);
        return null;
      }
      if (variable.fixed) {
        p.add(at(cp, key), `"${id}" is fixed: a fixed variable takes no correlation`);
        return null;
      }
      return id;
    });
    const rho = 'rho' in c ? checkDecimal(p, c.rho, at(cp, 'rho'), 'any') : null;
    if (rho && (rho.lt(-1) || rho.gt(1))) p.add(at(cp, 'rho'), `must be between −1 and 1 (a correlation), not ${rho.toString()}`);
    const [a, b] = ends;
    if (a && b && a === b) p.add(at(cp, 'b'), `must name a different variable than a ("${a}"): a variable's correlation with itself is always 1`);
    else if (a && b) {
      const key = [a, b].sort().join('\u0000');
      const first = seen.get(key);
      if (first !== undefined) p.add(cp, `correlates "${a}" and "${b}" again: ${at(path, first)} already does`);
      else seen.set(key, i);
    }
    if (a && b && a !== b && rho && !rho.lt(-1) && !rho.gt(1)) pairs.push({ a, b, rho: rho.toNumber() });
    else complete = false;
  });
  if (!complete || pairs.length === 0) return;
  const ids = variables.filter((v) => !v.fixed).map((v) => v.id);
  if (choleskyFactor(correlationMatrix(ids, pairs), ids.length) === null) p.add(path, NOT_PSD_MESSAGE);
}

/** Whole-number check reused by callers that read iterations from the command line. */
export function checkIterations(value: string): number | null {
  return checkInteger(new Problems(), value, '', 1, MAX_ITERATIONS, 'iterations');
}
