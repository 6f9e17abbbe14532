import type { Project } from '../engine/interchange.ts';

/** The money and product units exports label their numbers with. */
export function reportUnits(project: Project): { currency: string; product: string } {
  const currency = project.assumptions.currency?.trim() || 'money';
  return { currency: currency === 'USD' ? 'US$' : currency, product: project.assumptions.productUnit?.trim() || 'unit' };
}
