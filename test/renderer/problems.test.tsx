// @vitest-environment jsdom
// Every validation problem is shown at its field and in a list whose entries take you there.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { isPathWithin } from '../../renderer/lib/paths.ts';
import { renderApp, settle, testWorkspace } from './helpers.tsx';
import { problemInWords } from '../../shared/fields/messages.ts';

afterEach(cleanup);

describe('validation problems', () => {
  it('takes the user to the field of each problem, in every section', async () => {
    const workspace = testWorkspace();
    const { editor } = workspace;
    editor.newVenture(2027);
    editor.setAssumption('inflation', 'abc');
    editor.setSeriesValue('grade', 3, '150');
    editor.addListItem(editor.termPath('fiscal.royalty.bands'), { fromPrice: '0', rate: '0.07' });
    editor.setValue('scenarios[0].overrides.priceFactor', '-1');
    editor.setTerm('partners[0].hurdleRate', '-2');
    editor.addListItem(editor.termPath('technology'), { id: 'lic', name: 'Licence', licensor: 'nobody', foreign: true, recoveryUplift: '0', fees: [{ year: 2027, amount: '-5' }], royaltyRate: '0', royaltyFromYear: null, royaltyToYear: null, royaltyCapPerYear: null });
    editor.addListItem(editor.termPath('offtake'), { id: 'ot', offtaker: 'external', share: '1.2', discount: '0', floor: null, ceiling: null, fromYear: null, toYear: null });
    const user = userEvent.setup();
    await renderApp(workspace);
    const problems = workspace.results.getState().problems;
    expect(problems.length).toBeGreaterThanOrEqual(7);
    const list = screen.getByRole('region', { name: /problems to fix/ });
    const links = within(list).getAllByRole('button');
    expect(links).toHaveLength(problems.length);
    // In the user's words, with the field's label; the path is kept as the detail.
    const inflation = links.find((link) => link.textContent?.includes('assumptions.inflation'))!;
    expect(within(inflation).getByText('Inflation must be a percentage such as 5 %')).toBeTruthy();
    const hurdle = links.find((link) => link.textContent?.includes('partners[0].hurdleRate'))!;
    expect(hurdle.textContent).toContain('Hurdle rate of partner 1 must be above −100 %, not −200 %');
    const sectionsVisited = new Set<string>();
    for (const [index, problem] of problems.entries()) {
      act(() => editor.selectSection('results'));
      await user.click(within(screen.getByRole('region', { name: /problems to fix/ })).getAllByRole('button')[index]!);
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 40));
      });
      sectionsVisited.add(workspace.store.getState().section);
      const focused = document.activeElement as HTMLElement;
      const path = focused.dataset.path ?? '';
      expect(path, `focus for ${problem.path}: ${problem.message}`).not.toBe('');
      expect(isPathWithin(path, problem.path) || isPathWithin(problem.path, path), `${path} for ${problem.path}`).toBe(true);
      // The problem is also named at the field itself (or above its list).
      const described = focused.getAttribute('aria-describedby');
      const shownNearby = (described && document.getElementById(described.split(' ')[0]!)?.textContent) || focused.getAttribute('title') || (focused.classList.contains('list-problem') ? focused.textContent : '');
      expect(shownNearby, `message at ${problem.path}`).toContain(problemInWords(problem, workspace.store.getState().project).message.slice(0, 20));
    }
    expect([...sectionsVisited].sort()).toEqual(['mine-plan', 'offtake', 'partners', 'fiscal', 'scenarios', 'technology', 'venture'].sort());
    await settle(workspace);
  });
});
