// The workspace formats figures exactly as the exports do: one definition, in shared/reports.
export * from '../../shared/reports/format.ts';
