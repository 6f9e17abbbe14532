// The negotiation views' words and numbers: the metrics offered, a target read as users type it
// (55 %, US$ 60 m) and values written the same way.
import { fieldAt, formatValue } from '../../shared/fields/index.ts';
import type { Project, Structure } from '../../shared/engine/interchange.ts';
import { isFractionMetric, type MetricName } from '../../shared/negotiation/index.ts';
import { partyNameIn } from '../../shared/reports/parties.ts';
import { formatMoney, formatPercent } from '../lib/format.ts';
import { readTypedNumber, type NumberRead } from '../model/numberText.ts';
import { fieldNumber } from '../model/fieldNumber.ts';

export const METRIC_CHOICES: readonly { value: MetricName; label: string; perParty: boolean }[] = [
  { value: 'venture.governmentTake', label: 'Government take', perParty: false },
  { value: 'venture.npv', label: 'Venture NPV', perParty: false },
  { value: 'venture.irr', label: 'Venture IRR', perParty: false },
  { value: 'venture.aetr', label: 'AETR (average effective tax rate)', perParty: false },
  { value: 'venture.preTaxNpv', label: 'Pre-tax NPV', perParty: false },
  { value: 'pv', label: "A party's PV", perParty: true },
  { value: 'share', label: "A party's share of the pre-tax NPV", perParty: true },
  { value: 'npvAtHurdle', label: "A partner's NPV at its hurdle rate", perParty: true },
  { value: 'irr', label: "A partner's IRR", perParty: true },
];

export const isPerParty = (metric: string) => METRIC_CHOICES.some((m) => m.value === metric && m.perParty);

/** The parties a per-party metric may name: partners (IRR and NPV at hurdle), also the government for PV and share. */
export function partiesFor(structure: Structure | undefined, metric: string): { value: string; label: string }[] {
  const partners = (structure?.terms.partners ?? []).map((p) => ({ value: p.id, label: p.name || p.id }));
  return metric === 'pv' || metric === 'share' ? [...partners, { value: 'government', label: 'Government' }] : partners;
}

/** A target typed for a metric: a percentage for rates and shares, an amount in the venture's currency otherwise. */
export function readTarget(text: string, metric: MetricName, locale: string, currency: string): NumberRead {
  if (text.trim() === '') return { ok: false, reason: 'invalid', message: isFractionMetric(metric) ? 'Type the target, such as 55 %.' : 'Type the target, such as 60 m.' };
  return readTypedNumber(text, { locale, kind: isFractionMetric(metric) ? 'percent' : 'money', ...(currency ? { currency } : {}) });
}

/** A value typed for a term (an interval's end), read as its field is read. */
export function readTermText(text: string, absolutePath: string, project: Project, locale: string): NumberRead {
  const number = fieldNumber(absolutePath);
  const a = project.assumptions;
  const unit = number?.unit.replace('{currency}', '').replace('{productUnit}', a.productUnit ?? '').trim();
  return readTypedNumber(text, { locale, kind: number?.kind ?? 'number', ...(a.currency ? { currency: a.currency } : {}), ...(unit ? { unit } : {}) });
}

/** A metric's value as shown beside an answer: percentages to two decimals, money in whole units. */
export function metricText(metric: MetricName, value: string | number | null, locale: string, currency: string): string {
  if (value === null || value === '') return '—';
  return isFractionMetric(metric) ? formatPercent(value, locale, 2) : formatMoney(value, { currency, locale });
}

/** A term's value as users type it, exactly ("9.174642980873571 %", "US$ 1,100 /t"). */
export function termText(absolutePath: string, value: string | number, project: Project, locale: string): string {
  const field = fieldAt(absolutePath)?.field;
  if (!field) return String(value);
  return formatValue(field, String(value), { locale, currency: project.assumptions.currency ?? null, productUnit: project.assumptions.productUnit ?? null });
}

export const partyName = partyNameIn;

/** The absolute path of a term given relative to a structure (`terms.…`) or the project (`assumptions.…`). */
export function absoluteTermPath(project: Project, structureId: string, path: string): string {
  if (path.startsWith('assumptions.')) return path;
  return `structures[${project.structures.findIndex((s) => s.id === structureId)}].${path}`;
}

/** The structure and relative path of an absolute field path, when it names a deal term's place. */
export function relativeTermPath(project: Project, absolutePath: string): { structureId: string | null; path: string } | null {
  const match = /^structures\[(\d+)\]\.(terms\..+)$/.exec(absolutePath);
  if (match) {
    const structure = project.structures[Number(match[1])];
    return structure ? { structureId: structure.id, path: match[2]! } : null;
  }
  if (absolutePath.startsWith('assumptions.') && !absolutePath.includes('[')) return { structureId: null, path: absolutePath };
  return null;
}

/** An engine message as a sentence: capitalised, with a full stop. */
export function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
