// Constants of the `.orebridge` format.

/** PRAGMA application_id of every Orebridge project file: the ASCII bytes "ORBG". */
export const APPLICATION_ID = 0x4f524247;

/** The newest file format (PRAGMA user_version) this build reads and writes. */
export const CURRENT_FORMAT_VERSION = 6;

/** Refuse files larger than this before reading them into memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** The largest JSON project document read from a file or a request (a 50 × 5 project is under 1 MiB). */
export const MAX_JSON_BYTES = 32 * 1024 * 1024;

/** The deepest nesting of objects and lists a JSON document may have (a project needs fewer than 10). */
export const MAX_JSON_DEPTH = 64;

/** The most entries of any list in a JSON project (a project has at most a few hundred). */
export const MAX_LIST_ENTRIES = 10_000;

/** The most rows of any table of a project file, and the most revisions (counted before reading). */
export const MAX_TABLE_ROWS = 100_000;
export const MAX_REVISIONS = 10_000;

/**
 * The most values (numbers, strings, booleans, nulls) a project may hold, counted before the engine
 * validates it. An example holds 290–400, a 50-structure × 5-scenario project about 5,500; the
 * cap keeps what the main process writes into a working copy to well under a second.
 */
export const MAX_PROJECT_VALUES = 20_000;

export const PROJECT_FILE_EXTENSION = '.orebridge';
