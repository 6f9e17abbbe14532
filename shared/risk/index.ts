// Risk: the Monte Carlo simulation of risk-model.md §R1–§R6.
export { DEFAULT_RISK, effectiveRisk } from './block.ts';
export { validateRiskBlock, NOT_PSD_MESSAGE, MAX_ITERATIONS, MAX_SEED } from './validate-risk.ts';
export {
  setUpSimulation, runIterations, mergeColumns, simulationDocument, freeCashFlowFan, sampleLine, simulateProject, decimalString,
  type SimulationRequest, type SimulationSetup, type SimulationColumns, type SimulationDocument, type PartySimulation,
} from './simulate.ts';
