// @vitest-environment jsdom
// One definition of every input (shared/fields/catalogue.ts), and nothing may disagree with it:
// the model types (the interfaces of shared/engine/interchange.ts) declare the same fields, a
// project that uses every field walks to exactly the catalogue's fields, the term diff lists
// every term of it, and the editor has a control for every leaf, labelled with the catalogue's
// label.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { validateProject } from '../../shared/engine/index.ts';
import { FIELDS, fieldAt, fieldByPattern, fieldsOf, labelOf, patternOf, projectValueContext, termLines, toggleLabelOf } from '../../shared/fields/index.ts';
import type { SectionId } from '../../renderer/store/types.ts';
import { renderApp, testWorkspace } from './helpers.tsx';
import { leafPaths, projectUsingEverything, projectUsingEverythingV2 } from '../support/everything.ts';

afterEach(cleanup);

const INTERCHANGE = join(fileURLToPath(import.meta.url.toString()), '..', '..', '..', 'shared', 'engine', 'interchange.ts');

/**
 * The project half of interchange.ts: the object types it writes out by hand (only Project, for
 * its version and risk block) and those it reads from the catalogue (`CatalogueObject<pattern>`).
 */
function projectTypes(): { handWritten: Map<string, string[]>; derived: Map<string, string> } {
  const source = readFileSync(INTERCHANGE, 'utf8');
  const projectPart = source.slice(0, source.indexOf('// ---------------------------------------------------------------- risk'));
  const handWritten = new Map<string, string[]>();
  for (const match of projectPart.matchAll(/export interface (\w+)[^{]*\{([\s\S]*?)\n\}/g)) {
    handWritten.set(match[1]!, [...match[2]!.matchAll(/^\s+(\w+)\??: /gm)].map((field) => field[1]!));
  }
  const derived = new Map([...projectPart.matchAll(/export type (\w+) = CatalogueObject<'([^']*)'>;/g)].map((match) => [match[1]!, match[2]!]));
  return { handWritten, derived };
}

const EDITOR_SECTIONS: SectionId[] = ['venture', 'mine-plan', 'partners', 'fiscal', 'financing', 'technology', 'offtake', 'scenarios', 'risk'];
/** A correlation's two variables are chosen by its row and column in the correlation matrix, whose cell edits its rho. */
const CHOSEN_BY_POSITION = /^risk\.correlations\[\d+\]\.(a|b)$/;
/** Inside a block (the risk block) the block's own module declares and labels the fields (shared/risk). */
const IN_BLOCK = (path: string) => fieldByPattern(patternOf(path).split('.')[0]!)?.kind === 'block';
/** Fixed by the format itself: not something a user edits. */
const DOCUMENT_CONSTANTS = new Set(['format', 'version']);

describe('the editor covers the interchange schema', () => {
  it('reads the model types from the catalogue: only the project’s version and risk block are typed by hand', () => {
    const { handWritten, derived } = projectTypes();
    expect([...handWritten.entries()]).toEqual([['Project', ['version', 'risk']]]);
    // Every group and list item of the catalogue (outside blocks) has its type, named once.
    const objects = FIELDS.filter((f) => (f.kind === 'group' && f.pattern !== '') || f.kind === 'list').map((f) => (f.kind === 'list' ? `${f.pattern}[]` : f.pattern));
    const typed = new Set(derived.values());
    expect(objects.filter((pattern) => !typed.has(pattern) && !typed.has(pattern.replace(/^shocks/, 'scenarios')) && pattern !== 'structures[].terms.debt[].drawdowns[]')).toEqual([]);
    expect([...typed].filter((pattern) => !objects.includes(pattern))).toEqual([]);
  });

  it('walks a valid project that uses every field to exactly the catalogue\'s version-1 fields', () => {
    const project = projectUsingEverything();
    expect(validateProject(project)).toMatchObject({ ok: true });
    // An optional group that is null (a partner without carried terms) is a leaf of the walk, not a field.
    const walked = new Set(leafPaths(project).filter((path) => !IN_BLOCK(path)).map((path) => patternOf(path)).filter((pattern) => fieldByPattern(pattern)?.kind !== 'group'));
    const declared = FIELDS.filter((f) => f.since === 1 && !['group', 'list', 'block'].includes(f.kind)).map((f) => (f.series ? `${f.pattern}[]` : f.pattern));
    expect(declared.filter((pattern) => !walked.has(pattern))).toEqual([]);
    expect([...walked].filter((pattern) => !declared.includes(pattern))).toEqual([]);
  });

  it('lists every term of a structure in the term sheet and the term diff', () => {
    const project = projectUsingEverything();
    for (const [index, structure] of project.structures.entries()) {
      const listed = new Set(termLines(structure, projectValueContext(project.assumptions)).map((line) => line.path));
      const terms = leafPaths(structure).filter((path) => path !== 'id' && path !== 'notes' && fieldAt(`structures[0].${path}`)?.field.kind !== 'group');
      expect(terms.filter((path) => !listed.has(path)), `structure ${index}`).toEqual([]);
    }
  });

  it.each([
    ['version 1', projectUsingEverything],
    ['version 2', projectUsingEverythingV2],
  ])('has a control for every input of that project (%s)', async (_, make) => {
    const project = make();
    expect(validateProject(project)).toMatchObject({ ok: true });
    const workspace = testWorkspace();
    workspace.editor.loadProject(project);
    await renderApp(workspace);
    const controlled = new Set<string>();
    for (const structure of project.structures) {
      for (const section of EDITOR_SECTIONS) {
        act(() => {
          workspace.editor.selectStructure(structure.id);
          workspace.editor.selectSection(section);
        });
        for (const element of document.querySelectorAll<HTMLElement>('input[data-path], select[data-path], textarea[data-path]')) controlled.add(element.dataset.path!);
      }
    }
    const leaves = leafPaths(project).filter((path) => !DOCUMENT_CONSTANTS.has(path) && !CHOSEN_BY_POSITION.test(path));
    expect(leaves.length).toBeGreaterThan(300);
    expect(leaves.filter((path) => !controlled.has(path))).toEqual([]);
  });

  it.each([
    ['version 1', projectUsingEverything],
    ['version 2', projectUsingEverythingV2],
  ])('labels every control of a field with the catalogue\'s label (%s)', async (_, make) => {
    const project = make();
    const workspace = testWorkspace();
    workspace.editor.loadProject(project);
    await renderApp(workspace);
    const wrong = new Set<string>();
    for (const structure of project.structures) {
      for (const section of EDITOR_SECTIONS) {
        act(() => {
          workspace.editor.selectStructure(structure.id);
          workspace.editor.selectSection(section);
        });
        for (const element of document.querySelectorAll<HTMLElement>('input[data-path], select[data-path], textarea[data-path]')) {
          const path = element.dataset.path!;
          if (IN_BLOCK(path)) continue;
          const label = element.getAttribute('aria-label') ?? (element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : null);
          const toggle = element.getAttribute('type') === 'checkbox' && fieldAt(path)?.field.kind !== 'boolean';
          const expected = toggle ? toggleLabelOf(path, { project }) : labelOf(path, { project });
          if (label !== expected) wrong.add(`${path}: "${label}" instead of "${expected}"`);
        }
      }
    }
    expect([...wrong]).toEqual([]);
  });

  it('gives every control on every screen a label', async () => {
    const project = projectUsingEverything();
    const workspace = testWorkspace();
    workspace.editor.loadProject(project);
    await renderApp(workspace);
    const unlabelled = new Set<string>();
    const sections: SectionId[] = [...EDITOR_SECTIONS, 'results', 'compare', 'rounds'];
    for (const section of sections) {
      act(() => workspace.editor.selectSection(section));
      for (const control of document.querySelectorAll<HTMLElement>('input, select, textarea')) {
        const id = control.getAttribute('id');
        const labelled =
          Boolean(control.getAttribute('aria-label')?.trim()) ||
          Boolean(control.getAttribute('aria-labelledby')) ||
          control.closest('label') !== null ||
          (id !== null && document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent?.trim());
        if (!labelled) unlabelled.add(`${section}: ${control.outerHTML.slice(0, 120)}`);
      }
      for (const button of document.querySelectorAll<HTMLElement>('button')) {
        if (!(button.getAttribute('aria-label')?.trim() || button.textContent?.trim())) unlabelled.add(`${section}: ${button.outerHTML.slice(0, 120)}`);
      }
    }
    expect([...unlabelled]).toEqual([]);
  });
});
