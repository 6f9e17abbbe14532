// Every field's validation comes from its catalogue entry: set each leaf of a project that uses
// every field to a value its definition refuses, and the validator reports exactly that path with
// the message its kind and range call for.
import { describe, expect, it } from 'vitest';
import { validateProject } from '../../shared/engine/index.ts';
import { fieldAt, parsePath, setIn, type FieldDefinition } from '../../shared/fields/index.ts';
import { leafPaths, projectUsingEverything } from '../support/everything.ts';

/** A value the definition refuses, and the message fragment §9 gives for it. */
function refused(field: FieldDefinition): [unknown, string] | null {
  if (field.integer) return ['1.5', `must be a whole number (${field.meaning})`];
  const range = field.range;
  switch (field.kind) {
    case 'boolean':
      return ['yes', `must be true or false (${field.meaning})`];
    case 'choice':
      return ['other', `must be one of ${field.choices!.map((c) => `"${c}"`).join(', ')} (${field.meaning})`];
    case 'id':
      return ['', 'must not be empty'];
    case 'text':
      return [5, `must be text (${field.meaning})`];
    case 'reference':
      // A reservation's party may be a partner of any structure (or the government).
      return ['nobody', field.pattern.startsWith('negotiation.') ? 'is not a partner of any structure' : 'is not a partner of this structure'];
    default:
      if (range?.max === '1' && range.min === '0') return ['1.5', 'must be a fraction between 0 and 1'];
      if (range?.above === '-1') return ['-1', 'must be a rate above −1'];
      if (range?.min === '0') return ['-0.5', 'must not be negative'];
      return null;
  }
}

describe('validation derives from the field catalogue', () => {
  const project = projectUsingEverything();
  // Inside a block (the risk block) its own module declares and checks the fields (shared/risk).
  const inBlock = (path: string) => fieldAt(path.split(/[.[]/)[0]!)?.field.kind === 'block';
  const leaves = leafPaths(project).filter((path) => !['format', 'version'].includes(path) && !inBlock(path));

  it('knows every leaf of a project that uses every field', () => {
    expect(leaves.filter((path) => fieldAt(path) === null)).toEqual([]);
  });

  it('refuses, at its own path and with its definition\'s message, a bad value in every field', () => {
    const wrong: string[] = [];
    for (const path of leaves) {
      const field = fieldAt(path)!.field;
      const bad = refused(field);
      if (bad === null) continue;
      const result = validateProject(setIn(project, parsePath(path), bad[0]));
      const problems = result.ok ? [] : result.problems.filter((p) => p.path === path);
      if (!problems.some((p) => p.message.includes(bad[1]))) wrong.push(`${path}: ${JSON.stringify(problems)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reports a missing required field and accepts a missing optional one, as the definition says', () => {
    const wrong: string[] = [];
    for (const path of leaves) {
      const { field, position } = fieldAt(path)!;
      if (position !== null) continue;
      const result = validateProject(setIn(project, parsePath(path), undefined));
      const missing = !result.ok && result.problems.some((p) => p.path === path && p.message.startsWith('is missing'));
      // An external licensor needs its foreign flag: a cross-field rule beside the catalogue.
      const required = field.presence === 'required' || /technology\[\d+\]\.foreign$/.test(path);
      if (missing !== required) wrong.push(`${path} (${field.presence}): ${missing ? 'reported missing' : 'accepted'}`);
    }
    expect(wrong).toEqual([]);
  });
});
