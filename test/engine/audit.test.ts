import { describe, expect, it } from 'vitest';
import DecimalJs from 'decimal.js';

const Decimal = DecimalJs.clone({ precision: 80 });
type Decimal = InstanceType<typeof Decimal>;
import { evaluateProject } from '../../shared/engine/index.ts';
import { exampleCases, loadExample } from '../support/examples.ts';

const D = (x: string | undefined) => new Decimal(x ?? 'NaN');
const near = (a: Decimal, b: Decimal, tolerance = 1e-6) => expect(a.minus(b).abs().toNumber()).toBeLessThanOrEqual(tolerance * Math.max(1, b.abs().toNumber()));

describe('the audit lines rebuild every figure by hand', () => {
  for (const c of exampleCases()) {
    it(`${c.name} / ${c.structure} / ${c.scenario}`, () => {
      const project = loadExample(c.projectPath);
      const outcome = evaluateProject(project, { structure: c.structure, scenario: c.scenario }, { shocks: false, breakeven: false });
      if (!outcome.ok) throw new Error(outcome.error.message);
      const e = outcome.evaluation;
      const structure = project.structures.find((s) => s.id === c.structure)!;
      const r = e.reconciliation!;
      // Venture NPV = Σ F_k × DF_k / E_k, with the published factors.
      const npv = e.years.reduce((s, y) => s.plus(D(y.freeCashFlow).times(D(y.discountFactor)).times(D(y.deflator))), new Decimal(0));
      near(npv, D(e.venture.npv));
      expect(r.ventureNpv).toBe(e.venture.npv);
      // Each partner's PV from its flow line; its flow from the funding lines.
      for (const partner of structure.terms.partners) {
        const pv = e.years.reduce((s, y) => s.plus(D(y.partners![partner.id]!.flow).times(D(y.discountFactor)).times(D(y.deflator))), new Decimal(0));
        near(pv, D(e.parties.find((p) => p.id === partner.id)?.pv ?? '0'));
        for (const y of e.years) {
          const line = y.partners![partner.id]!;
          expect(line.flow).toBe(y.flows[partner.id] ?? '0');
          expect(line.interest).toBe(y.interests[partner.id]);
          const fromVenture = D(line.distribution).minus(D(line.cashCallPaid)).plus(D(line.carryReceived));
          const hasOtherReceipts = structure.terms.technology.some((t) => t.licensor === partner.id) || structure.terms.offtake.some((o) => o.offtaker === partner.id)
            || (structure.terms.debt ?? []).some((d) => d.lender === partner.id);
          if (!hasOtherReceipts) expect(D(line.flow).eq(fromVenture)).toBe(true);
        }
        // The carry balance: opening × (1 + rate) + share of the call − repaid.
        if (partner.carried) {
          let balance = new Decimal(0);
          for (const y of e.years) {
            const line = y.partners![partner.id]!;
            const call = Decimal.max(0, D(y.freeCashFlow).neg());
            balance = balance.times(D(String(partner.carried.interestRate)).plus(1)).toDecimalPlaces(20, DecimalJs.ROUND_HALF_EVEN)
              .plus(D(line.interest).times(call).toDecimalPlaces(20, DecimalJs.ROUND_HALF_EVEN)).minus(D(line.carryRepaid));
            near(balance, D(line.carryBalance), 1e-9);
          }
        }
      }
      // E_k × deflator_k = 1.
      for (const y of e.years) near(D(y.escalationIndex).times(D(y.deflator)), new Decimal(1), 1e-15);
      // The reconciliation: every party's PV adds up to the pre-tax NPV, partners' to the venture NPV.
      const everyone = e.parties.reduce((s, p) => s.plus(D(p.pv)), new Decimal(0));
      near(everyone.plus(D(r.splitResidual)), D(r.preTaxNpv), 1e-12);
      near(D(r.partnersPv).plus(D(r.governmentPv)).plus(D(r.communityPv)).plus(D(r.othersPv)), everyone, 1e-12);
      expect(D(r.splitResidual).abs().toNumber()).toBeLessThan(1);
      expect(D(r.ventureResidual).abs().toNumber()).toBeLessThan(1);
    });
  }
});
