export type * from '../../shared/contract.ts';
export type { Project, Evaluation } from '../../shared/engine/interchange.ts';
