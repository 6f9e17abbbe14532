import type { PathKey } from '../lib/paths.ts';
import type { SectionId } from './types.ts';

/** The section of the workspace whose controls edit the value at a path. */
export function sectionForPath(keys: readonly PathKey[]): SectionId {
  const [root, , third, fourth] = keys;
  if (root === 'assumptions') {
    const branch = keys[1];
    if (branch === 'production' || branch === 'prices' || branch === 'costs' || branch === 'capex' || branch === 'workingCapitalRate') return 'mine-plan';
    return 'venture';
  }
  if (root === 'structures') {
    if (third !== 'terms' || fourth === undefined) return 'partners';
    // The stabilisation clause is shown with the structure it belongs to.
    if (fourth === 'fiscal') return keys[4] === 'stabilized' || keys[4] === 'stabilizedUntilYear' ? 'partners' : 'fiscal';
    if (fourth === 'debt') return 'financing';
    if (fourth === 'priceSupport') return 'offtake';
    if (fourth === 'technology') return 'technology';
    if (fourth === 'offtake') return 'offtake';
    return 'partners';
  }
  if (root === 'scenarios' || root === 'shocks') return 'scenarios';
  if (root === 'risk') return 'risk';
  if (root === 'negotiation') return 'partners';
  return 'venture';
}
