// Constants of the `.orebridge` format.

/** PRAGMA application_id of every Orebridge project file: the ASCII bytes "ORBG". */
export const APPLICATION_ID = 0x4f524247;

/** The newest file format (PRAGMA user_version) this build reads and writes. */
export const CURRENT_FORMAT_VERSION = 2;

/** Refuse files larger than this before reading them into memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export const PROJECT_FILE_EXTENSION = '.orebridge';
