// @vitest-environment jsdom
// The editors of methodology v2's inputs (issue 10): labels, units and problems from the field
// catalogue, in the user's words ("tranche 2", never debt[1]); a v1 project upgraded by its first
// v2 instrument, told so, and undone in one step.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loadExample, renderApp, settle, testWorkspace } from './helpers.tsx';

afterEach(cleanup);

async function open(project?: string) {
  const workspace = testWorkspace();
  if (project) workspace.editor.loadProject(loadExample(project), null, true);
  else workspace.editor.newVenture(2027);
  const view = await renderApp(workspace);
  const user = userEvent.setup();
  const nav = async (name: string) => user.click(screen.getByRole('button', { name }));
  const project_ = () => workspace.store.getState().project!;
  const terms = () => project_().structures[workspace.store.getState().structureIndexHint]!.terms;
  const problems = () => workspace.results.getState().problems;
  return { ...view, user, nav, project: project_, terms, problems };
}

const replace = '{Control>}a{/Control}';

describe('financing: loan tranches', () => {
  it('adds a concessional loan to a version-1 venture, which becomes version 2 with a notice; one undo takes both back', async () => {
    const { user, nav, project, terms, workspace, problems } = await open();
    expect(project().version).toBe(1);
    await nav('Financing');
    expect(screen.getByText(/No loans in this structure/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add loan tranche' }));
    expect(project().version).toBe(2);
    expect(screen.getByText(/This project now uses methodology v2 \(a loan tranche\)/)).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Name of tranche 1' }), 'DFI concessional loan');
    await user.type(screen.getByRole('textbox', { name: 'Interest rate of tranche 1' }), `${replace}2.5 %`);
    await user.type(screen.getByRole('textbox', { name: 'Grace years of tranche 1' }), `${replace}2`);
    await user.type(screen.getByRole('textbox', { name: 'Tenor of tranche 1' }), `${replace}12`);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Repayment of tranche 1' }), 'annuity');
    await user.type(screen.getByRole('textbox', { name: 'Gearing of tranche 1' }), `${replace}40`);
    await user.type(screen.getByRole('textbox', { name: 'First drawdown year of tranche 1' }), '2027');
    await user.type(screen.getByRole('textbox', { name: 'Maximum amount of tranche 1' }), '150 m');
    expect(terms().debt![0]).toMatchObject({ name: 'DFI concessional loan', lender: 'external', foreign: true, interestRate: '0.025', graceYears: 2, tenorYears: 12, repayment: 'annuity', gearing: '0.4', drawFromYear: 2027, drawToYear: null, maxAmount: '150000000' });
    await settle(workspace);
    expect(problems()).toEqual([]);
    // The lender may be a partner: then "foreign" is the partner's.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Lender of tranche 1' }), 'operator');
    expect(screen.queryByRole('checkbox', { name: 'External lender of tranche 1 is foreign' })).toBeNull();
    // Dated drawdowns instead of a gearing.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Drawdowns of tranche 1' }), 'dated');
    await user.type(screen.getByRole('textbox', { name: 'Drawdown 1 amount, tranche 1' }), `${replace}60 m`);
    await user.click(screen.getByRole('button', { name: 'Add drawdown' }));
    await user.type(screen.getByRole('textbox', { name: 'Drawdown 2 amount, tranche 1' }), `${replace}40,000,000`);
    expect(terms().debt![0]!.gearing).toBeUndefined();
    expect(terms().debt![0]!.drawdowns).toEqual([{ year: 2027, amount: '60000000' }, { year: 2028, amount: '40000000' }]);
    await settle(workspace);
    expect(problems()).toEqual([]);
    // Back to where it started: every edit undone, the last one together with the upgrade.
    while (workspace.store.getState().past.length > 0) workspace.editor.undo();
    expect(project().version).toBe(1);
    expect(terms().debt).toBeUndefined();
  });

  it('renames the lender of a loan with the partner', async () => {
    const { user, nav, terms } = await open('ndpr-strategic-reserve');
    await nav('Partners');
    await user.type(screen.getByRole('textbox', { name: 'Id of partner 4' }), `${replace}devbank`);
    expect(terms().partners[3]!.id).toBe('devbank');
    expect(terms().debt!.map((tranche) => tranche.lender)).toEqual(['devbank', 'external']);
    await nav('Financing');
    expect((screen.getByRole('combobox', { name: 'Lender of tranche 1' }) as HTMLSelectElement).value).toBe('devbank');
  });

  it('shows problems in the user\'s words at the tranche, "tranche 2" and not debt[1]', async () => {
    const { user, nav, workspace, problems } = await open('ndpr-strategic-reserve');
    await nav('Financing');
    await user.type(screen.getByRole('textbox', { name: 'Tenor of tranche 2' }), `${replace}0`);
    workspace.editor.setTerm('debt[1].gearing', '0.2');
    await settle(workspace);
    expect(problems().map((p) => p.path).sort()).toEqual(['structures[0].terms.debt[1]', 'structures[0].terms.debt[1].tenorYears']);
    const form = within(screen.getByRole('main'));
    expect(form.getByText('Tenor of tranche 2 must be 1 or more, not 0 years')).toBeTruthy();
    expect(form.getByText('Tranche 2 has both a gearing and dated drawdowns: a tranche is drawn on exactly one of them')).toBeTruthy();
    expect(screen.getByRole('main').textContent).not.toContain('debt[');
    // The problems list says the same, each entry leading to its field.
    expect(screen.getAllByText('Tranche 2 has both a gearing and dated drawdowns: a tranche is drawn on exactly one of them')).toHaveLength(2);
  });
});

describe('incentives, price support, stabilisation and fiscal change', () => {
  it('edits every v2 instrument from the sections where a negotiator expects it, with no problems', async () => {
    const { user, nav, project, terms, workspace, problems } = await open();
    await nav('Fiscal terms');
    await user.type(screen.getByRole('textbox', { name: 'Tax holiday years' }), '5');
    expect(project().version).toBe(2);
    await user.type(screen.getByRole('textbox', { name: 'Investment allowance' }), '10 %');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Depreciation' }), 'declining-balance');
    await user.type(screen.getByRole('textbox', { name: 'Declining-balance depreciation rate' }), `${replace}25`);
    await user.type(screen.getByRole('textbox', { name: 'Thin capitalisation ratio' }), '3');
    await user.type(screen.getByRole('textbox', { name: 'Interest withholding' }), '10');
    await user.click(screen.getByRole('checkbox', { name: 'The government pays a capital grant' }));
    await user.type(screen.getByRole('textbox', { name: 'Capital grant share' }), `${replace}20`);
    await user.type(screen.getByRole('textbox', { name: 'Capital grant cap' }), '50 m');
    expect(terms().fiscal.incomeTax).toMatchObject({ holidayYears: 5, investmentAllowance: '0.1', depreciation: { method: 'declining-balance', rate: '0.25' }, thinCapRatio: '3' });
    expect(terms().fiscal.withholding.interest).toBe('0.1');
    expect(terms().fiscal.capitalGrant).toEqual({ share: '0.2', cap: '50000000' });

    await nav('Offtake and price support');
    await user.click(screen.getByRole('button', { name: 'Add price support' }));
    await user.type(screen.getByRole('textbox', { name: 'Strike price of price support 1' }), `${replace}1,200`);
    await user.type(screen.getByRole('textbox', { name: 'Share of price support 1' }), `${replace}50`);
    await user.type(screen.getByRole('textbox', { name: 'Cap price of price support 1' }), '1,900');
    await user.type(screen.getByRole('textbox', { name: 'Upside share of price support 1' }), '30');
    expect(terms().priceSupport![0]).toMatchObject({ strike: '1200', share: '0.5', capPrice: '1900', upsideShare: '0.3' });

    await nav('Partners');
    await user.click(screen.getByRole('checkbox', { name: 'Fiscal terms stabilised' }));
    await user.type(screen.getByRole('textbox', { name: 'Stabilised until' }), '2034');
    expect(terms().fiscal).toMatchObject({ stabilized: true, stabilizedUntilYear: 2034 });

    await nav('Scenarios and shocks');
    await user.click(screen.getByRole('button', { name: 'Add scenario' }));
    await user.click(screen.getByRole('checkbox', { name: 'Fiscal change, scenario 2' }));
    await user.type(screen.getByRole('textbox', { name: 'Fiscal change from year, scenario 2' }), `${replace}2031`);
    await user.type(screen.getByRole('textbox', { name: 'Royalty rate change, scenario 2' }), '3');
    await user.type(screen.getByRole('textbox', { name: 'Income tax rate after the change, scenario 2' }), '35 %');
    expect(project().scenarios[1]!.overrides.fiscalChange).toEqual({ fromYear: 2031, royaltyRateAdd: '0.03', incomeTaxRate: '0.35' });
    await settle(workspace);
    expect(problems()).toEqual([]);

    // Unticking the clause removes its year too (a year without the clause would be a problem).
    await nav('Partners');
    await user.click(screen.getByRole('checkbox', { name: 'Fiscal terms stabilised' }));
    expect('stabilized' in terms().fiscal || 'stabilizedUntilYear' in terms().fiscal).toBe(false);
  });

  it('takes a project back to version 1 when the v2 term just typed is emptied again', async () => {
    const { user, nav, project } = await open('northern-spodumene');
    await nav('Fiscal terms');
    const holiday = screen.getByRole('textbox', { name: 'Tax holiday years' });
    await user.type(holiday, '4');
    expect(project().version).toBe(2);
    await user.clear(holiday);
    expect(project().version).toBe(1);
    expect('holidayYears' in project().structures[0]!.terms.fiscal.incomeTax).toBe(false);
  });
});
