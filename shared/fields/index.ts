// The field catalogue: one definition of every input of a project (catalogue.ts) and what is
// derived from it. See docs/decisions.md, "Field catalogue".
export { FIELDS, PARTNER_KINDS, DISCOUNTING_CONVENTIONS, ROYALTY_BASES, REPAYMENT_PROFILES, DEPRECIATION_METHODS } from './catalogue.ts';
export type { FieldDefinition, FieldKind, FieldRange, Presence } from './types.ts';
export { fieldAt, fieldByPattern, fieldsOf, fillLabel, fillUnit, labelOf, partyName, shapeOf, toggleLabelOf, type FieldAt, type LabelContext } from './lookup.ts';
export { currencySymbol, decimalOf, formatDecimal, formatValue, projectValueContext, type ValueContext } from './format.ts';
export { exampleOf, problemInWords, rangeInWords, type ProblemInWords } from './messages.ts';
export { compareTerms, diffTerms, locatedTermChanges, termLines, type LocatedTermChange, type TermChange, type TermLine, type TermRow } from './termSheet.ts';
export { formatPath, getIn, parsePath, patternOf, setIn, type PathKey } from './paths.ts';
export {
  dealTerm, dealTerms, defaultBalancingPartner, isTermPattern, readTerm, termPatterns, writeTerm, TERM_KINDS,
  type DealTerm, type TermError, type TermRange, type TermResult,
} from './terms.ts';
