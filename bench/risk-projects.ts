import type { Project } from '../shared/engine/index.ts';

/**
 * A 30-year, 8-partner venture built from the nickel example: its years 6–19 repeat to fill 30
 * years (closure moves to the last year), and the structure gains five more partners (two
 * carried, three with funding caps), so the deal is as busy as a real one.
 */
export function thirtyYearEightPartnerProject(base: Project): Project {
  const project = structuredClone(base) as Project;
  const a = project.assumptions;
  const n = a.years;
  const stretch = <T>(series: T[], isClosure = false): T[] => {
    const out = series.slice(0, n - 1);
    for (let k = n - 1; k < 29; k++) out.push(isClosure ? (0 as T) : series[5 + ((k - 5) % (n - 6))]!);
    out.push(series[n - 1]!);
    return out;
  };
  a.years = 30;
  a.prices = stretch(a.prices);
  for (const key of ['oreMined', 'wasteMined', 'grade', 'recovery'] as const) a.production[key] = stretch(a.production[key]);
  a.costs.fixed = stretch(a.costs.fixed);
  a.capex.initial = stretch(a.capex.initial).map((x, k) => (k < 3 ? x : 0));
  a.capex.sustaining = stretch(a.capex.sustaining);
  a.capex.closure = stretch(a.capex.closure, true);
  for (const scenario of project.scenarios) delete scenario.overrides.prices;
  const structure = project.structures[0]!;
  const [first, ...rest] = structure.terms.partners;
  const extra = Array.from({ length: 5 }, (_, i) => ({
    ...rest[0]!, id: `partner-${i + 4}`, name: `Partner ${i + 4}`, equity: 0.1,
    carried: i < 2 ? { interestRate: 0.07, repaymentShare: 0.5 } : null, fundingCap: i >= 2 ? 60_000_000 + 20_000_000 * i : null,
  }));
  structure.terms.partners = [{ ...first!, equity: 0.1 }, ...rest.map((p) => ({ ...p, equity: p.id === rest[0]!.id ? 0.25 : 0.15 })), ...extra];
  project.structures = [structure];
  return project;
}
