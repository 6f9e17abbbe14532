// Validation of the negotiation block: each field from its catalogue entry, the rules between
// fields, every message naming the party in the user's words.
import { describe, expect, it } from 'vitest';
import { parseProjectText, validateProject } from '../../shared/engine/index.ts';
import { labelOf, problemInWords } from '../../shared/fields/index.ts';
import { exampleText } from '../files/helpers.ts';

const withBlock = (block: unknown) => ({ ...(parseProjectText(exampleText('northern-spodumene')) as object), negotiation: block });
const problems = (block: unknown) => {
  const result = validateProject(withBlock(block));
  return result.ok ? [] : result.problems;
};

describe('the negotiation block', () => {
  it('accepts reservations of partners and the government, null and absent minima, and null or no block', () => {
    expect(problems({ reservations: [
      { party: 'lithco', minPv: 60e6, minIrr: '0.12', minNpvAtHurdle: null, weight: 2 },
      { party: 'miner', minPv: -5e6 },
      { party: 'government', minPv: 0, minGovernmentTake: 0.45 },
    ] })).toEqual([]);
    expect(problems(null)).toEqual([]);
    expect(problems({ reservations: [] })).toEqual([]);
  });

  it('refuses each mistake with its path, naming the party', () => {
    const found = problems({ reservations: [
      { party: 'government', minIrr: 0.1, minNpvAtHurdle: 5 },
      { party: 'lithco', minIrr: -1.5, minGovernmentTake: 0.5 },
      { party: 'lithco', minPv: 'a lot' },
      { party: 'nobody', minPv: 1 },
      { party: 'miner' },
      { party: 'miner', weight: -1, colour: 'red' },
    ] });
    const at = (path: string) => found.filter((p) => p.path === path).map((p) => p.message);
    expect(at('negotiation.reservations[0].minIrr')[0]).toContain("party 'Government' has no IRR");
    expect(at('negotiation.reservations[0].minNpvAtHurdle')[0]).toContain("party 'Government' has no hurdle rate");
    expect(at('negotiation.reservations[1].minIrr')[0]).toContain('above −1');
    expect(at('negotiation.reservations[1].minGovernmentTake')[0]).toContain("party 'National Lithium Corporation' is a partner");
    expect(at('negotiation.reservations[2].party')[0]).toContain('already has its reservation at negotiation.reservations[1]');
    expect(at('negotiation.reservations[2].minPv')[0]).toContain('must be a number');
    expect(at('negotiation.reservations[3].party')[0]).toContain('"nobody" is not a partner of any structure');
    expect(at('negotiation.reservations[4]')[0]).toContain("party 'Boreal Minerals plc' records nothing");
    expect(at('negotiation.reservations[5].weight')[0]).toContain('must not be negative');
    expect(at('negotiation.reservations[5].colour')[0]).toContain('is not a field of a reservation');
    expect(problems({ parties: [] }).map((p) => p.path)).toEqual(['negotiation.reservations', 'negotiation.parties']);
  });

  it('labels and messages in the user words: "Party \'National Lithium Corporation\': minimum IRR must be above −100 %"', () => {
    const project = withBlock({ reservations: [{ party: 'lithco', minIrr: -1.5 }] });
    expect(labelOf('negotiation.reservations[0].minIrr', { project })).toBe("Party 'National Lithium Corporation': minimum IRR");
    expect(labelOf('negotiation.reservations[0].minPv')).toBe('Party 1: minimum PV');
    const [problem] = problems({ reservations: [{ party: 'lithco', minIrr: -1.5 }] });
    expect(problemInWords(problem!, project).message).toBe("Party 'National Lithium Corporation': minimum IRR must be above −100 %, not −150 %");
  });
});
