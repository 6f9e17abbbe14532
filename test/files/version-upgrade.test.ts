// Methodology v2 reaches a file only through a v2 instrument: a version-1 file edited in the
// workspace without one is saved as version 1; adding a loan upgrades it (one undo step, with a
// notice) and the file then holds a version-2 project.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJsonFile, openDocument } from '../../electron/files/index.ts';
import { createEditor } from '../../renderer/store/editor.ts';
import { createWorkspaceStore } from '../../renderer/store/workspaceStore.ts';
import { examplePath, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

const versionRows = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM version2_terms').pluck().get();
  } finally {
    db.close();
  }
};

describe('the workspace and the project version', () => {
  it('keeps a version-1 file at version 1 when edited without a v2 instrument, and upgrades it when a loan is added', async () => {
    const path = join(tempDir(), 'spodumene.orebridge');
    expectOk(await importJsonFile(examplePath('northern-spodumene'), path));
    const document = expectOk(await openDocument(path, { dataDir: tempDir() }));
    const store = createWorkspaceStore({ locale: 'en-US' });
    const editor = createEditor(store);
    editor.loadProject(document.project(), null, true);

    editor.setTerm('fiscal.incomeTax.rate', '0.28');
    editor.setTerm('fiscal.incomeTax.holidayYears', '3');
    editor.setTerm('fiscal.incomeTax.holidayYears', undefined);
    expect(store.getState().project!.version).toBe(1);
    expectOk(document.apply(store.getState().project!));
    expectOk(await document.save());
    expect(versionRows(path)).toBe(0);
    await document.close();
    const reopened = expectOk(await openDocument(path, { dataDir: tempDir() }));
    expect(reopened.project().version).toBe(1);
    expect(JSON.parse(reopened.exportJson()).structures[0].terms.fiscal.incomeTax).toEqual({ rate: '0.28', depreciationYears: 8, lossCarryForwardYears: null });

    editor.addListItem(editor.termPath('debt'), { id: 'dfi', lender: 'external', foreign: true, gearing: '0.3', interestRate: '0.02', graceYears: 2, tenorYears: 12, repayment: 'annuity' });
    expect(store.getState().project!.version).toBe(2);
    expect(store.getState().notice?.message).toMatch(/^This project now uses methodology v2 \(a loan tranche\), so it is saved as a version-2 file/);
    // One undo takes back the loan and the upgrade together.
    editor.undo();
    expect(store.getState().project!.version).toBe(1);
    expect(store.getState().project!.structures[0]!.terms.debt).toBeUndefined();
    editor.redo();
    expectOk(reopened.apply(store.getState().project!));
    expectOk(await reopened.save());
    expect(versionRows(path)).toBe(1);
    await reopened.close();
    const upgraded = expectOk(await openDocument(path, { dataDir: tempDir() }));
    expect(upgraded.project().version).toBe(2);
    expect(upgraded.project().structures[0]!.terms.debt).toEqual([{ id: 'dfi', lender: 'external', foreign: true, gearing: '0.3', interestRate: '0.02', graceYears: 2, tenorYears: 12, repayment: 'annuity' }]);
    await upgraded.close();
  });
});
