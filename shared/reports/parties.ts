import type { Structure } from '../engine/interchange.ts';

/** The fixed names of the parties that are not partners. */
export const PARTY_NAMES: Record<string, string> = {
  government: 'Government',
  community: 'Community',
  'external-licensor': 'External licensors',
  'external-offtaker': 'External offtakers',
  'external-lender': 'External lenders',
};

/** A party's display name: the partner's name, or the fixed names of the other parties. */
export function partyNameIn(structure: Structure | undefined, id: string): string {
  const partner = structure?.terms.partners.find((p) => p.id === id);
  if (partner) return partner.name || partner.id;
  return PARTY_NAMES[id] ?? id;
}
