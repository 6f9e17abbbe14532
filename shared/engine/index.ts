// The engine's public surface: pure, deterministic, decimal strings in and out.
export { parseProjectText } from './json.ts';
export { validateProject, type ValidationResult, type Problem } from './validate.ts';
export { createEvaluator, evaluateProject, type CaseSelection, type EvaluateOptions, type EvaluateOutcome, type Evaluator } from './evaluate.ts';
export type * from './interchange.ts';
