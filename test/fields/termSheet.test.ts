import { describe, expect, it } from 'vitest';
import { compareTerms, diffTerms, fieldAt, labelOf, projectValueContext, termLines } from '../../shared/fields/index.ts';
import { projectUsingEverything } from '../support/everything.ts';

describe('the term sheet, compare and the term diff', () => {
  const project = projectUsingEverything();
  const context = projectValueContext(project.assumptions);
  const structure = project.structures[0]!;

  it('lists every set term of a structure with its catalogue label', () => {
    const lines = termLines(structure, context).filter((l) => !l.item);
    const named = { structures: [structure] };
    for (const line of lines) {
      expect(fieldAt(`structures[0].${line.path}`), line.path).not.toBeNull();
      expect(line.label).toBe(labelOf(`structures[0].${line.path}`, { project: named, byName: true }));
    }
    expect(lines.find((l) => l.path === 'terms.fiscal.royalty.bands[0].rate')?.text).toMatch(/^\d+(\.\d+)? %$/);
  });

  it('diffs exactly the rows that compare marks as differing, by id not by position', () => {
    const after = structuredClone(structure);
    after.terms.partners.reverse();
    expect(diffTerms(structure, after, context)).toEqual([]);
    after.terms.partners[0]!.hurdleRate = '0.123';
    after.terms.fiscal.royalty.bands.push({ fromPrice: '99999', rate: '0.2' });
    const changes = diffTerms(structure, after, context);
    const differing = compareTerms(structure, after, context).filter((r) => r.differs);
    const insideAddedItem = (key: string) => differing.some((r) => r.item && key.startsWith(`${r.key}.`));
    expect(changes.map((c) => c.label)).toEqual(differing.filter((r) => !insideAddedItem(r.key)).map((r) => r.label));
    const who = after.terms.partners[0]!;
    expect(changes[0]).toMatchObject({ path: 'terms.partners[0].hurdleRate', label: `Hurdle rate of ${who.name || who.id}`, change: 'changed', after: '12.3 %' });
    expect(changes[1]).toMatchObject({ change: 'added', label: `Band ${after.terms.fiscal.royalty.bands.length}`, before: null });
    expect(changes[1]!.after).toContain('Royalty rate: 20 %');
  });
});
