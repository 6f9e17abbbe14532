// @vitest-environment jsdom
// Nothing in the methodology's inputs may be missing from the editor: every field of every
// interface of the Project document (read from shared/engine/interchange.ts) appears in a
// project that uses all of them, and every leaf of that project has a control bound to its path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { validateProject } from '../../shared/engine/index.ts';
import type { SectionId } from '../../renderer/store/types.ts';
import { renderApp, testWorkspace } from './helpers.tsx';
import { leafPaths, projectUsingEverything } from '../support/everything.ts';

afterEach(cleanup);

const INTERCHANGE = join(fileURLToPath(import.meta.url.toString()), '..', '..', '..', 'shared', 'engine', 'interchange.ts');

/** Field names of every interface in the project half of interchange.ts. */
function projectSchemaFields(): Map<string, string[]> {
  const source = readFileSync(INTERCHANGE, 'utf8');
  const projectPart = source.slice(0, source.indexOf('// ----') > 0 ? source.indexOf('// ----') : undefined);
  const interfaces = new Map<string, string[]>();
  for (const match of projectPart.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
    const fields = [...match[2]!.matchAll(/^\s+(\w+)\??:/gm)].map((field) => field[1]!);
    interfaces.set(match[1]!, fields);
  }
  return interfaces;
}

function keysIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => keysIn(item, into));
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) {
    into.add(key);
    keysIn(child, into);
  }
  return into;
}

const EDITOR_SECTIONS: SectionId[] = ['venture', 'mine-plan', 'partners', 'fiscal', 'technology', 'offtake', 'scenarios'];
/** Fixed by the format itself: not something a user edits. */
const DOCUMENT_CONSTANTS = new Set(['format', 'version']);

describe('the editor covers the interchange schema', () => {
  it('uses a project that holds every field of the schema, and is valid', () => {
    const project = projectUsingEverything();
    expect(validateProject(project)).toMatchObject({ ok: true });
    const used = keysIn(project);
    const schema = projectSchemaFields();
    expect(schema.size).toBeGreaterThan(15);
    const missing = [...schema].flatMap(([name, fields]) => fields.filter((field) => !used.has(field)).map((field) => `${name}.${field}`));
    expect(missing).toEqual([]);
  });

  it('has a control for every input of that project', async () => {
    const project = projectUsingEverything();
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
    const leaves = leafPaths(project).filter((path) => !DOCUMENT_CONSTANTS.has(path));
    expect(leaves.length).toBeGreaterThan(300);
    expect(leaves.filter((path) => !controlled.has(path))).toEqual([]);
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
