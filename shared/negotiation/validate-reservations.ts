// The project's negotiation block (what each party needs to sign; docs/decisions.md,
// "Negotiation"): each field checked from its catalogue entry, then the rules between fields,
// every message naming the party ("party 'State Mining Co' has no IRR: …").
import { partyName } from '../fields/lookup.ts';
import {
  at, checkField, checkShape, isUnset, listField, type Json, type Problems,
} from '../engine/validate-primitives.ts';

const MINIMA = ['minPv', 'minIrr', 'minNpvAtHurdle', 'minGovernmentTake', 'weight'] as const;
const PARTNER_ONLY = ['minIrr', 'minNpvAtHurdle'] as const;

/** Every partner id of any structure (a reservation belongs to the party, whichever structure is on the table). */
function partnerIds(project: Json): Set<string> {
  const ids = new Set<string>();
  const structures = Array.isArray(project.structures) ? project.structures : [];
  for (const structure of structures as { terms?: { partners?: { id?: unknown }[] } }[]) {
    for (const partner of Array.isArray(structure?.terms?.partners) ? structure.terms.partners : []) {
      if (typeof partner?.id === 'string') ids.add(partner.id);
    }
  }
  return ids;
}

export function checkNegotiationBlock(p: Problems, value: unknown, path: string, project: Json): void {
  const block = checkShape(p, value, path);
  if (!block || block.reservations === undefined) return;
  const reservations = listField(p, block.reservations, at(path, 'reservations'));
  if (!reservations) return;
  const partners = partnerIds(project);
  const seen = new Map<string, number>();
  reservations.forEach((item, i) => {
    const itemPath = at(at(path, 'reservations'), i);
    const reservation = checkShape(p, item, itemPath);
    if (!reservation) return;
    for (const key of ['party', ...MINIMA]) checkField(p, reservation, key, itemPath);
    const party = reservation.party;
    if (typeof party !== 'string') return;
    const who = `party '${partyName(project, party)}'`;
    if (party !== 'government' && !partners.has(party)) {
      p.add(at(itemPath, 'party'), `"${party}" is not a partner of any structure nor "government": a reservation belongs to ${[...partners].map((id) => `"${id}"`).join(', ') || 'a partner'} or "government"`);
    }
    const first = seen.get(party);
    if (first !== undefined) p.add(at(itemPath, 'party'), `${who} already has its reservation at ${at(at(path, 'reservations'), first)}: record one per party`);
    else seen.set(party, i);
    if (party === 'government') {
      for (const key of PARTNER_ONLY) {
        if (!isUnset(reservation[key])) p.add(at(itemPath, key), `${who} has no ${key === 'minIrr' ? 'IRR' : 'hurdle rate'}: a minimum IRR or NPV at hurdle is a partner's reservation`);
      }
    } else if (!isUnset(reservation.minGovernmentTake)) {
      p.add(at(itemPath, 'minGovernmentTake'), `${who} is a partner: a minimum government take is the government's reservation (party "government")`);
    }
    if (MINIMA.every((key) => isUnset(reservation[key]))) {
      p.add(itemPath, `${who} records nothing: give a minimum PV, IRR, NPV at hurdle or government take, or a Nash weight, or remove the reservation`);
    }
  });
}
