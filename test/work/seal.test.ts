// Seals of valid projects (electron/work/seal.ts): only the exact JSON text a worker validated,
// sealed under the pool's key, passes without a new validation.
import { describe, expect, it } from 'vitest';
import { newSealKey, sealedProject, sealOf } from '../../electron/work/seal.ts';
import { validateProject } from '../../shared/engine/index.ts';
import { exampleProject } from '../files/helpers.ts';

function validExample() {
  const checked = validateProject(exampleProject('northern-spodumene'));
  if (!checked.ok) throw new Error('the example is valid');
  return checked.project;
}

describe('seals of valid projects', () => {
  const key = newSealKey();
  const project = validExample();
  const seal = sealOf(key, JSON.stringify(project));

  it('let the sealed project through, read back from its JSON text', () => {
    const passed = sealedProject(key, project, ['another', seal]);
    expect(passed).toEqual(project);
    expect(passed).not.toBe(project);
  });

  it('refuse a changed project, another key\'s seal, no seal and a text that is not JSON', () => {
    const changed = structuredClone(project);
    changed.structures[0]!.terms.partners[0]!.equity = '2';
    expect(sealedProject(key, changed, [seal])).toBeNull();
    expect(sealedProject(newSealKey(), project, [seal])).toBeNull();
    expect(sealedProject(key, project, [])).toBeNull();
    expect(sealedProject(key, project, undefined)).toBeNull();
    expect(sealedProject(key, { ...project, big: 1n }, [seal])).toBeNull();
  });

  it('never hand the engine what JSON does not hold: a Date where the sealed text has a string arrives as that string', () => {
    const withName = { ...project, name: '2024-01-01T00:00:00.000Z' };
    const sealed = sealOf(key, JSON.stringify(withName));
    const passed = sealedProject(key, { ...project, name: new Date('2024-01-01T00:00:00.000Z') }, [sealed]);
    expect(passed?.name).toBe('2024-01-01T00:00:00.000Z');
  });
});
