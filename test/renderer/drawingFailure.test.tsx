// @vitest-environment jsdom
// A part of the window that throws while drawing shows one sentence with "Try again" in its
// place; the rest of the workspace stays drawn and usable, the project in the store is untouched,
// the notice bar reports it and the console keeps the stack for support.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import type { OrebridgeApi } from '../../shared/contract.ts';
import { Chart } from '../../renderer/components/charts/index.ts';
import { loadExample, renderApp, settle, testWorkspace } from './helpers.tsx';

// Test-side switches for the stand-ins below: a part throws while drawing only while its switch is on.
const trouble = vi.hoisted(() => ({ fiscal: false, shareDialog: false, emptyState: false }));

vi.mock('../../renderer/views/FiscalSection.tsx', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../renderer/views/FiscalSection.tsx')>();
  return {
    ...real,
    FiscalSection: () => {
      if (trouble.fiscal) throw new TypeError("Cannot read properties of undefined (reading 'rate')");
      return <real.FiscalSection />;
    },
  };
});

vi.mock('../../renderer/app/ShareDialog.tsx', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../renderer/app/ShareDialog.tsx')>();
  return {
    ...real,
    ShareDialog: (props: Parameters<typeof real.ShareDialog>[0]) => {
      if (trouble.shareDialog) throw new RangeError('Invalid time value');
      return <real.ShareDialog {...props} />;
    },
  };
});

vi.mock('../../renderer/views/EmptyState.tsx', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../renderer/views/EmptyState.tsx')>();
  return {
    ...real,
    EmptyState: () => {
      if (trouble.emptyState) throw new Error('the list of recent files is unreadable');
      return <real.EmptyState />;
    },
  };
});

afterEach(() => {
  cleanup();
  trouble.fiscal = false;
  trouble.shareDialog = false;
  trouble.emptyState = false;
  vi.restoreAllMocks();
});

/** A back end that saves: what was written, by document. */
function savingApi(written: { documentId: string; name: string }[]): OrebridgeApi {
  const info = (documentId: string) => ({ documentId, name: 'Northern Spodumene JV', folder: null, untitled: true, dirty: false, readOnly: false, recovered: false });
  return new Proxy({} as OrebridgeApi, {
    get(_, name: string) {
      if (name === 'onCommand') return () => () => {};
      return (request: { documentId?: string; project?: { name: string } }) => {
        if (name === 'newDocument') return Promise.resolve({ ok: true, value: info('doc-1') });
        if (name === 'updateDocument') return Promise.resolve({ ok: true, value: { ...info(String(request.documentId)), dirty: true } });
        if (name === 'saveDocument' || name === 'saveDocumentAs') {
          written.push({ documentId: String(request.documentId), name: request.project?.name ?? '' });
          return Promise.resolve({ ok: true, value: info(String(request.documentId)) });
        }
        return Promise.resolve({ ok: false, error: { code: 'not-supported', message: `${name} is not available here` } });
      };
    },
  });
}

function silencedConsole() {
  return vi.spyOn(console, 'error').mockImplementation(() => {});
}

const FISCAL_SENTENCE =
  "The Fiscal terms section could not be drawn: Cannot read properties of undefined (reading 'rate'). Your project is unchanged; you can keep working, save, or try again.";

describe('a section that throws while drawing', () => {
  it('says so in its place, leaves the rest drawn and the project unchanged, and draws again on "Try again"', async () => {
    const errors = silencedConsole();
    const workspace = testWorkspace();
    workspace.editor.loadProject(loadExample('northern-spodumene'));
    await renderApp(workspace);
    const project = workspace.store.getState().project;
    const history = workspace.store.getState().past;

    trouble.fiscal = true;
    act(() => workspace.editor.selectSection('fiscal'));
    const main = screen.getByRole('main');
    expect(within(main).getByRole('alert').textContent).toContain(FISCAL_SENTENCE);
    const tryAgain = within(main).getByRole('button', { name: 'Try again' });
    expect(tryAgain.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(tryAgain.getAttribute('aria-describedby')!)?.textContent).toBe(FISCAL_SENTENCE);

    // The rest of the workspace is still drawn: title bar, sections, results panel.
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
    expect(screen.getByTestId('venture-npv').textContent).toMatch(/US\$/);
    // Reported where the workspace reports problems, and logged with its stack for support.
    expect(workspace.store.getState().notice).toEqual({
      kind: 'error',
      message: "The Fiscal terms section could not be drawn (Cannot read properties of undefined (reading 'rate')). Nothing you had is lost; the details are in the developer console for support.",
    });
    const logged = errors.mock.calls.find((call) => call[0] === 'Orebridge: The Fiscal terms section could not be drawn.');
    expect(String(logged?.[1])).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'rate'\)\n\s+at /);
    expect(String(logged?.[2])).toContain('FiscalSection');
    expect(workspace.store.getState().project).toBe(project);
    expect(workspace.store.getState().past).toBe(history);

    // Still broken: trying again says so again.
    act(() => tryAgain.click());
    expect(within(main).getByRole('alert').textContent).toContain(FISCAL_SENTENCE);

    // Work goes on while the section is broken: an edit made elsewhere counts, and Undo takes it back.
    act(() => workspace.editor.setAssumption('inflation', '0.03'));
    await settle(workspace);
    expect(workspace.store.getState().project!.assumptions.inflation).toBe('0.03');
    act(() => screen.getByRole('button', { name: 'Undo' }).click());
    expect(workspace.store.getState().project).toBe(project);

    trouble.fiscal = false;
    act(() => within(main).getByRole('button', { name: 'Try again' }).click());
    expect(within(main).queryByRole('alert')).toBeNull();
    expect(within(main).getByRole('textbox', { name: 'Income tax rate' })).toBeTruthy();
    expect(workspace.store.getState().project).toBe(project);
  });

  it('is drawn afresh when the user goes to another section and back', async () => {
    silencedConsole();
    const workspace = testWorkspace();
    workspace.editor.loadProject(loadExample('northern-spodumene'));
    await renderApp(workspace);
    trouble.fiscal = true;
    act(() => workspace.editor.selectSection('fiscal'));
    expect(within(screen.getByRole('main')).getByRole('alert')).toBeTruthy();
    trouble.fiscal = false;
    act(() => within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('button', { name: 'Partners' }).click());
    act(() => within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('button', { name: 'Fiscal terms' }).click());
    expect(within(screen.getByRole('main')).queryByRole('alert')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Income tax rate' })).toBeTruthy();
  });
});

describe('a title bar that throws while drawing', () => {
  it('offers Save, Save as… and Undo beside "Try again" while the sections and the results panel stay drawn', async () => {
    silencedConsole();
    const written: { documentId: string; name: string }[] = [];
    const workspace = testWorkspace(savingApi(written));
    workspace.editor.loadProject(loadExample('northern-spodumene'));
    await renderApp(workspace);
    const project = workspace.store.getState().project;

    trouble.shareDialog = true;
    act(() => workspace.editor.showDialog('share'));
    const alert = screen.getAllByRole('alert').find((shown) => shown.classList.contains('drawing-failure'))!;
    expect(alert.querySelector('p')?.textContent).toBe(
      'The title bar could not be drawn: Invalid time value. Your project is unchanged; you can save it with the buttons here, or try again.',
    );
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
    expect(screen.getByTestId('venture-npv').textContent).toMatch(/US\$/);
    await act(() => within(alert).getByRole('button', { name: 'Save' }).click());
    await settle(workspace);
    expect(written).toEqual([{ documentId: 'doc-1', name: 'Northern Spodumene JV' }]);
    expect(workspace.store.getState().project).toBe(project);
    expect(within(alert).getByRole('button', { name: 'Save as…' })).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Undo' })).toBeTruthy();

    trouble.shareDialog = false;
    act(() => within(alert).getByRole('button', { name: 'Try again' }).click());
    expect(screen.getByRole('dialog', { name: 'Share a copy' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open…' })).toBeTruthy();
  });
});

describe('the workspace when a part outside every inner boundary throws', () => {
  it('says so in place of the workspace, with "Try again"; the notice bar above it stays', async () => {
    silencedConsole();
    const workspace = testWorkspace();
    trouble.emptyState = true;
    await renderApp(workspace);
    const alert = screen.getAllByRole('alert').find((shown) => shown.classList.contains('drawing-failure'))!;
    expect(alert.querySelector('p')?.textContent).toBe(
      'The workspace could not be drawn: the list of recent files is unreadable. Your files are unchanged; you can try again.',
    );
    // No project: nothing to save, so no Save button.
    expect(within(alert).queryByRole('button', { name: 'Save' })).toBeNull();
    expect(workspace.store.getState().notice?.message).toBe(
      'The workspace could not be drawn (the list of recent files is unreadable). Nothing you had is lost; the details are in the developer console for support.',
    );
    trouble.emptyState = false;
    act(() => within(alert).getByRole('button', { name: 'Try again' }).click());
    expect(screen.getByRole('button', { name: 'New venture' })).toBeTruthy();
  });
});

describe('a chart that throws while drawing', () => {
  it('says so in the chart’s place, names the chart, and draws on "Try again" once the cause is gone', () => {
    silencedConsole();
    let failing = true;
    const plot = (width: number) => {
      if (failing) throw new Error('the scale has no domain.');
      return { width, marks: [] };
    };
    render(<Chart title="Price by year" description="Price deck" table={{ columns: ['Year', 'Price'], rows: [] }} plot={plot} />);
    expect(screen.getByRole('alert').textContent).toBe(
      'The chart “Price by year” could not be drawn: the scale has no domain. Your project is unchanged; you can keep working, save, or try again.Try again',
    );
    failing = false;
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('img', { name: 'Price by year' })).toBeTruthy();
  });
});
