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

/** Each interface of the project half of interchange.ts: its fields and the type each names. */
function projectInterfaces(source: string): Map<string, Map<string, string>> {
  const projectPart = source.slice(0, source.indexOf('// ---------------------------------------------------------------- evaluation'));
  const interfaces = new Map<string, Map<string, string>>();
  for (const match of projectPart.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
    interfaces.set(match[1]!, new Map([...match[2]!.matchAll(/^\s+(\w+)\??: ([^;]+);/gm)].map((field) => [field[1]!, field[2]!])));
  }
  return interfaces;
}

/**
 * Walks the interfaces from Project alongside the catalogue's groups and lists, and lists every
 * disagreement: a field the types have and the catalogue lacks, or the other way round.
 */
function typeCatalogueDisagreements(): string[] {
  const source = readFileSync(INTERCHANGE, 'utf8');
  const interfaces = projectInterfaces(source);
  const typesKnowVersion2 = /version: 1 \| 2/.test(source);
  const out: string[] = [];
  const visit = (name: string, pattern: string) => {
    const fields = interfaces.get(name)!;
    const catalogue = new Map(fieldsOf(pattern, 2).map((f) => [f.pattern.slice(f.pattern.lastIndexOf('.') + 1), f]));
    for (const [key, type] of fields) {
      const field = catalogue.get(key);
      if (!field) {
        out.push(`${name}.${key} is not in the catalogue under "${pattern}"`);
        continue;
      }
      const named = /^(\w+)(\[\])?/.exec(type);
      if (field.kind === 'block' || !named || !interfaces.has(named[1]!)) continue;
      visit(named[1]!, named[2] ? `${field.pattern}[]` : field.pattern);
    }
    for (const [key, field] of catalogue) {
      if (!fields.has(key) && (field.since === 1 || typesKnowVersion2)) out.push(`${pattern || '(project)'}.${key} is in the catalogue but not in ${name}`);
    }
  };
  visit('Project', '');
  return out;
}

const EDITOR_SECTIONS: SectionId[] = ['venture', 'mine-plan', 'partners', 'fiscal', 'financing', 'technology', 'offtake', 'scenarios', 'risk'];
/** A correlation's two variables are chosen by its row and column in the correlation matrix, whose cell edits its rho. */
const CHOSEN_BY_POSITION = /^risk\.correlations\[\d+\]\.(a|b)$/;
/** Inside a block (the risk block) the block's own module declares and labels the fields (shared/risk). */
const IN_BLOCK = (path: string) => fieldByPattern(patternOf(path).split('.')[0]!)?.kind === 'block';
/** Fixed by the format itself: not something a user edits. */
const DOCUMENT_CONSTANTS = new Set(['format', 'version']);

describe('the editor covers the interchange schema', () => {
  it('declares in the model types exactly the fields of the catalogue', () => {
    expect(typeCatalogueDisagreements()).toEqual([]);
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
