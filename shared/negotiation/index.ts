// Negotiation (issue 12): goal seek on one deal term. See docs/decisions.md, "Negotiation".
export { goalSeek, formatMetric, type GoalSeekAnswer, type GoalSeekError, type GoalSeekRequest, type GoalSeekResult } from './goalSeek.ts';
export { metricChoice, metricLabel, isFractionMetric, PARTY_METRICS, VENTURE_METRICS, type MetricChoice, type MetricName } from './metrics.ts';
export { dealSpace, CONFIRM_STEP, type BargainingPoint, type DealSpace, type DealSpaceRequest, type DealSpaceResult, type MapPoint, type Reservation } from './dealSpace.ts';
export { reservationsOf, requirementsOf, requirementInWords, type Requirement } from './reservations.ts';
export { PRICE_FACTORS, preTaxIrrOf, progressivity, progressivityCases, progressivityPoint, scenarioAtPriceFactor, type ProgressivityCases, type ProgressivityPoint } from './progressivity.ts';
export { lineSweep, type LineSweep, type LineSweepRequest, type LineSweepResult } from './lineSweep.ts';
export { axisRange, type AxisRequest } from './dealSpace.ts';
export { decimalEvaluation } from './metrics.ts';
export { concessionCases, concessionTable, concessions, type Concession, type ConcessionCases, type ConcessionEffect, type ConcessionRow, type ConcessionTable } from './concessions.ts';
