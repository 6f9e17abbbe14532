// The new-venture template's invented numbers: placeholders the user is asked to replace. A
// value stays a placeholder while it still holds the template's number and nobody has typed into
// it (typing the same number again confirms it). Structural choices (one partner with all the
// equity, the currency, the discounting convention, the start year) are not placeholders.
import type { Project } from '../../shared/engine/interchange.ts';
import { getIn, labelOf, parsePath } from '../../shared/fields/index.ts';

const INVENTED_SERIES = [
  'assumptions.production.oreMined',
  'assumptions.production.wasteMined',
  'assumptions.production.grade',
  'assumptions.production.recovery',
  'assumptions.prices',
  'assumptions.costs.fixed',
  'assumptions.capex.initial',
  'assumptions.capex.sustaining',
  'assumptions.capex.closure',
];

const INVENTED_VALUES = [
  'assumptions.discountRate',
  'assumptions.inflation',
  'assumptions.production.productFactor',
  'assumptions.costs.miningPerTonne',
  'assumptions.costs.processingPerTonneOre',
  'assumptions.costs.sellingPerUnit',
  'assumptions.workingCapitalRate',
  'structures[0].terms.partners[0].hurdleRate',
  'structures[0].terms.fiscal.royalty.bands[0].rate',
  'structures[0].terms.fiscal.incomeTax.rate',
  'structures[0].terms.fiscal.incomeTax.depreciationYears',
  'structures[0].terms.fiscal.withholding.dividends',
  'structures[0].terms.fiscal.withholding.technology',
  'structures[0].terms.fiscal.communityShare',
];

/** Path → the template's value, for every invented number of a new venture. */
export type Placeholders = Readonly<Record<string, unknown>>;

export function templatePlaceholders(project: Project): Placeholders {
  const entries: [string, unknown][] = [];
  for (const series of INVENTED_SERIES) {
    const values = getIn(project, parsePath(series));
    if (Array.isArray(values)) values.forEach((value, index) => entries.push([`${series}[${index}]`, value]));
  }
  for (const path of INVENTED_VALUES) entries.push([path, getIn(project, parsePath(path))]);
  return Object.fromEntries(entries);
}

/** Placeholders a file kept (their paths): each holds, as the file was saved, the template's value. */
export function placeholdersAt(project: Project, paths: readonly string[]): Placeholders | null {
  if (paths.length === 0) return null;
  return Object.fromEntries(paths.map((path) => [path, getIn(project, parsePath(path))]));
}

/** The placeholders still open in `project`: unchanged and not typed into. */
export function openPlaceholders(project: Project | null, placeholders: Placeholders | null, confirmed: readonly string[]): string[] {
  if (!project || !placeholders) return [];
  const typed = new Set(confirmed);
  return Object.entries(placeholders)
    .filter(([path, value]) => !typed.has(path) && Object.is(getIn(project, parsePath(path)), value))
    .map(([path]) => path);
}

/**
 * "Price 2029–2038, Discount rate (real), …": the open placeholders in the user's words, a
 * series' years together, and how many inputs that is (a series counts once).
 */
export function describePlaceholders(project: Project, paths: readonly string[], limit = 6): { inputs: number; names: string } {
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const series = /^(.*)\[(\d+)\]$/.exec(path);
    const key = series && INVENTED_SERIES.includes(series[1] ?? '') ? (series[1] ?? path) : path;
    groups.set(key, [...(groups.get(key) ?? []), path]);
  }
  const start = typeof project.assumptions.startYear === 'number' ? project.assumptions.startYear : 0;
  const names = [...groups.entries()].map(([key, members]) => {
    if (!INVENTED_SERIES.includes(key)) return labelOf(key, { project, byName: true });
    const years = members.map((member) => start + Number(/\[(\d+)\]$/.exec(member)?.[1] ?? 0));
    const first = Math.min(...years);
    const last = Math.max(...years);
    return `${labelOf(key, { project })} ${first === last ? first : `${first}–${last}`}`;
  });
  const shown = names.slice(0, limit).join(', ');
  return { inputs: names.length, names: names.length > limit ? `${shown} and ${names.length - limit} more` : shown };
}
