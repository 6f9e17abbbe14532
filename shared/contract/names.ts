// The names of the contract's operations and the IPC channels, without zod, so the preload
// (and anything else that only needs the names) stays small. `methods` in ../contract.ts must
// have exactly these keys; the type checker holds the two together.
export const METHOD_NAMES = [
  'getAppInfo',
  'newDocument',
  'openDocument',
  'updateDocument',
  'saveDocument',
  'saveDocumentAs',
  'shareCopy',
  'closeDocument',
  'reloadDocument',
  'importJson',
  'exportJson',
  'exportReport',
  'exportTable',
  'listRecent',
  'clearRecent',
  'listFiles',
  'listExamples',
  'openExample',
  'recordRevision',
  'listRevisions',
  'diff',
  'diffStructures',
  'setScenarioInternal',
  'setNotePrivate',
  'listRecoverable',
  'recoverDocument',
  'discardRecoverable',
  'workStatus',
  'cancelWork',
  'getSettings',
  'updateSettings',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

/** The IPC channel a method travels on. */
export const channelOf = (method: MethodName): string => `orebridge:${method}`;
/** The channel the back end sends commands (menu choices, files opened from the OS) on. */
export const COMMAND_CHANNEL = 'orebridge:command';
/** The one subscription the preload exposes besides the methods. */
export const EVENT_NAMES = ['onCommand'] as const;
/** Browser mode: the header that carries the run's secret token. */
export const TOKEN_HEADER = 'x-orebridge-token';
