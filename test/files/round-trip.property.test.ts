import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProjectText, validateProject } from '../../shared/engine/index.ts';
import { databaseWith } from '../../electron/files/content.ts';
import { parseWithLiterals, stringifyWithLiterals } from '../../electron/files/literal-json.ts';
import { readProjectTree } from '../../electron/files/store-read.ts';
import { EXAMPLE_NAMES, exampleText } from './helpers.ts';

/** Keys that may be absent or null (interchange.md). */
const NULLABLE = new Set([
  'carried', 'fundingCap', 'floor', 'ceiling', 'fromYear', 'toYear', 'royaltyFromYear', 'royaltyToYear',
  'royaltyCapPerYear', 'lossCarryForwardYears', 'resourceRentTax', 'shocks',
]);
const WHOLE_NUMBER_KEYS = new Set(['startYear', 'years', 'depreciationYears', 'year', 'fromYear', 'toYear', 'royaltyFromYear', 'royaltyToYear', 'lossCarryForwardYears', 'delayYears']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Rewrites every number as a number or as one of its decimal spellings, and flips null/absent. */
function respell(value: Json, choices: () => number, key = ''): Json | undefined {
  if (typeof value === 'number' && key !== 'version') {
    const text = String(value);
    const spellings: Json[] = [value, text];
    if (!WHOLE_NUMBER_KEYS.has(key)) spellings.push(text.includes('.') ? `${text}000` : `${text}.0`, `${text}e0`);
    return spellings[choices() % spellings.length]!;
  }
  if (value === null) return NULLABLE.has(key) && choices() % 2 === 0 ? undefined : null;
  if (Array.isArray(value)) return value.map((item) => respell(item, choices, '') ?? null);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) {
      const next = respell(v, choices, k);
      if (next !== undefined) out[k] = next;
    }
    return out;
  }
  return value;
}

describe('lossless storage, as a property', () => {
  it('any spelling of the examples’ numbers, and absent or null, survives the database', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLE_NAMES), fc.array(fc.nat(), { minLength: 1, maxLength: 64 }), (name, seeds) => {
        let i = 0;
        const choices = (): number => seeds[i++ % seeds.length]!;
        const document = respell(JSON.parse(exampleText(name)) as Json, choices);
        const text = JSON.stringify(document);
        expect(validateProject(parseProjectText(text)).ok).toBe(true);
        const db = databaseWith({ tree: parseWithLiterals(text), metadata: { internalScenarios: [], privateNotes: [], placeholders: [] }, revisions: [] });
        try {
          const exported = stringifyWithLiterals(readProjectTree(db));
          expect(JSON.parse(exported)).toStrictEqual(JSON.parse(text));
          expect(parseProjectText(exported)).toStrictEqual(parseProjectText(text));
        } finally {
          db.close();
        }
      }),
      { numRuns: 60, seed: 42 },
    );
  });
});
