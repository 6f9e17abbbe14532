// The audit lines of the yearly table and the reconciliation of the venture NPV with the
// parties' present values: what a person needs to rebuild every figure by hand.
import type { Evaluation } from '../../shared/engine/interchange.ts';
import { ExportableTable } from '../components/TableExport.tsx';
import type { PartnerYearAudit } from '../../shared/engine/audit.ts';
import { formatMoney, formatNumber, formatPercent } from '../lib/format.ts';
import { useMoneyContext, usePartyNames } from './useResult.ts';

export interface TableGroup {
  id: string;
  label: string;
  rows: { label: string; values: string[] }[];
}

const PARTNER_LINES: { key: keyof PartnerYearAudit; label: string }[] = [
  { key: 'interest', label: 'Participating interest' },
  { key: 'cashCallPaid', label: 'Cash call paid' },
  { key: 'carryBalance', label: 'Carry balance (end of year)' },
  { key: 'carryRepaid', label: 'Carry repaid' },
  { key: 'carryReceived', label: 'Carry repayments received' },
  { key: 'distribution', label: 'Distribution (after withholding)' },
  { key: 'withholding', label: 'Dividend withholding' },
  { key: 'flow', label: 'Flow' },
];

/** Year factors and one group per partner with its funding lines. */
export function auditGroups(evaluation: Evaluation, nameOf: (id: string) => string, money: { currency: string; locale: string }): TableGroup[] {
  const years = evaluation.years;
  if (years[0]?.escalationIndex === undefined) return [];
  const factor = (value: string | undefined) => formatNumber(value ?? null, money.locale, 6);
  const partnerIds = Object.keys(years[0]?.partners ?? {});
  return [
    {
      id: 'factors',
      label: 'Year factors (real = nominal × deflator; present value = real × discount factor)',
      rows: [
        { label: 'Escalation index', values: years.map((y) => factor(y.escalationIndex)) },
        { label: 'Deflator', values: years.map((y) => factor(y.deflator)) },
        { label: 'Discount factor', values: years.map((y) => factor(y.discountFactor)) },
      ],
    },
    ...partnerIds.map((id) => ({
      id: `partner:${id}`,
      label: `Funding of ${nameOf(id)}`,
      rows: PARTNER_LINES.map((line) => ({
        label: line.label,
        values: years.map((y) => {
          const value = y.partners?.[id]?.[line.key];
          return line.key === 'interest' ? formatPercent(value ?? null, money.locale, 2) : formatMoney(value ?? null, { ...money, currency: '' });
        }),
      })),
    })),
  ];
}

/** Venture NPV and pre-tax NPV reconciled with the sum of the parties' present values. */
export function Reconciliation({ evaluation }: { evaluation: Evaluation }) {
  const money = useMoneyContext();
  const nameOf = usePartyNames(evaluation.structure);
  const r = evaluation.reconciliation;
  if (!r) return null;
  const show = (value: string) => formatMoney(value, money);
  const partners = evaluation.parties.filter((party) => party.kind === 'partner');
  const rows: [string, string, string?][] = [
    ['Pre-tax NPV (the whole benefit)', show(r.preTaxNpv)],
    ['− government (royalty, taxes, withholding)', show(r.governmentPv)],
    ['− community', show(r.communityPv)],
    ['− external licensors, offtakers and lenders', show(r.othersPv)],
    ['− rounding', show(r.splitResidual)],
    ['= partners together', show(r.partnersPv), 'total'],
    ['Venture NPV (after tax)', show(r.ventureNpv)],
    ['− dividend withholding', show(r.dividendWithholdingPv)],
    ['+ partners’ technology payments and offtake margins', show(r.partnerReceiptsPv)],
    ['− rounding', show(r.ventureResidual)],
    ['= partners together', show(r.partnersPv), 'total'],
    ...partners.map((party): [string, string] => [`   of which ${nameOf(party.id)}`, show(party.pv)]),
  ];
  return (
    <div className="panel">
      <h3>Reconciliation of present values</h3>
      <p className="muted">Every party’s present value adds up to the pre-tax NPV; the partners’ add up to the venture NPV after the government’s withholding and their other receipts.</p>
      <ExportableTable name="Reconciliation">
        <table className="data-table reconciliation">
          <caption className="visually-hidden">Venture NPV reconciled with the parties’ present values</caption>
          <tbody>
            {rows.map(([label, value, kind], index) => (
              <tr key={index} className={kind === 'total' ? 'total-row' : undefined}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ExportableTable>
    </div>
  );
}
