// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { evaluateProject } from '../../shared/engine/index.ts';
import type { Evaluation, Project } from '../../shared/engine/interchange.ts';
import { resultSentences } from '../../renderer/model/resultSentences.ts';
import { WorkspaceProvider, type Workspace } from '../../renderer/app/context.tsx';
import { createDocumentCommands } from '../../renderer/app/documentCommands.ts';
import { selectionKey } from '../../renderer/engine/protocol.ts';
import { createResultsStore } from '../../renderer/engine/resultsStore.ts';
import { createEditor } from '../../renderer/store/editor.ts';
import { createWorkspaceStore } from '../../renderer/store/workspaceStore.ts';
import { ResultsSection } from '../../renderer/views/ResultsSection.tsx';
import { loadExample } from './helpers.tsx';

afterEach(cleanup);

const plain = { nameOf: (id: string) => id, money: (value: string) => Number(value).toFixed(0), percent: (value: string) => `${(Number(value) * 100).toFixed(1)} %` };

function evaluate(project: Project, structure: string, scenario: string): Evaluation {
  const outcome = evaluateProject(project, { structure, scenario });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.evaluation;
}

describe('sentences beside the results', () => {
  it('says when a carry is never repaid and when a party disappears under a shock', () => {
    const project = loadExample('nickel-cobalt-hpal');
    const evaluation = evaluate(project, 'state-carry-rrt', 'nickel-slump');
    const texts = resultSentences(evaluation, { ...plain, structure: project.structures.find((s) => s.id === 'state-carry-rrt')! }).map((s) => s.text);
    expect(texts).toContain(`statemin's carry is never fully repaid: ${Number(evaluation.years.at(-1)!.partners!.statemin!.carryBalance).toFixed(0)} (nominal) is still owed to the funding partners at the end of 2045.`);
    expect(texts.some((text) => /^Under “Nickel at 60%”, statemin disappears from the split: its present value of \d+ falls to nothing\.$/.test(text))).toBe(true);
  });

  it('says when a partner receives nothing, and when government take is above 100 %', () => {
    const project = loadExample('northern-spodumene');
    // A 40 % royalty at 75 % of the price deck: the government takes more than the whole pre-tax cash flow.
    for (const band of project.structures.find((s) => s.id === 'sliding-royalty')!.terms.fiscal.royalty.bands) band.rate = '0.4';
    const evaluation = evaluate(project, 'sliding-royalty', 'low-price');
    expect(Number(evaluation.venture.governmentTake)).toBeGreaterThan(1);
    const structure = project.structures.find((s) => s.id === 'sliding-royalty')!;
    const texts = resultSentences(evaluation, { ...plain, structure }).map((s) => s.text);
    expect(texts[0]).toMatch(/^Government take is \d+\.\d %: the government receives more than the venture's whole pre-tax net cash flow/);
    const silent = { ...evaluation, years: evaluation.years.map((year) => ({ ...year, flows: { ...year.flows, miner: year.flows.miner && Number(year.flows.miner) > 0 ? '0' : (year.flows.miner ?? '0') } })) };
    expect(resultSentences(silent, { ...plain, structure }).map((s) => s.text).some((text) => text.startsWith("miner receives nothing over the venture's life"))).toBe(true);
    const absent = { ...evaluation, parties: evaluation.parties.filter((party) => party.id !== 'lithco') };
    expect(resultSentences(absent, { ...plain, structure }).map((s) => s.text)).toContain('lithco neither pays nor receives anything in this structure and scenario.');
  });

  it('shows them where the numbers are', () => {
    const project = loadExample('nickel-cobalt-hpal');
    const evaluation = evaluate(project, 'state-carry-rrt', 'nickel-slump');
    const store = createWorkspaceStore({ locale: 'en-US' });
    const editor = createEditor(store);
    editor.loadProject(project);
    editor.selectStructure('state-carry-rrt');
    editor.selectScenario('nickel-slump');
    const results = createResultsStore();
    const latest = { [selectionKey({ structure: 'state-carry-rrt', scenario: 'nickel-slump' })]: { version: 0, evaluation, error: null, kind: 'full' as const } };
    results.setState({ version: 0, validatedVersion: 0, problems: [], latest, latestFull: latest });
    const workspace: Workspace = { store, editor, results, api: null, commands: createDocumentCommands(store, editor, null) };
    render(<WorkspaceProvider workspace={workspace}><ResultsSection /></WorkspaceProvider>);
    const lists = screen.getAllByRole('list', { name: 'What these results mean' }).map((list) => list.textContent);
    expect(lists.some((text) => text?.includes('State Mining Enterprise\'s carry is never fully repaid'))).toBe(true);
    expect(lists.some((text) => text?.includes('Under “Nickel at 60%”, State Mining Enterprise disappears from the split'))).toBe(true);
  });
});
