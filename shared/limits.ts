// Limits on work done for input from outside (a file, a request, a project being typed), shared
// by the back end's worker threads (electron/work) and the renderer's engine workers.

/** How long one piece of such work (opening a file, evaluating a project) may take. */
export const WORK_TIME_LIMIT_MS = 10_000;

/** The JavaScript heap a back-end worker thread may use (the browser bounds a Web Worker itself). */
export const WORK_MEMORY_LIMIT_MB = 768;
