// The engine's public surface: pure, deterministic, decimal strings in and out.
export { parseProjectText } from './json.ts';
export { validateProject, type ValidationResult, type Problem } from './validate.ts';
export { evaluateProject, type CaseSelection, type EvaluateOptions, type EvaluateOutcome } from './evaluate.ts';
export type * from './interchange.ts';
