// The contract over HTTP, for browser mode: one POST per call to `/api/<method>` with the run's
// secret token in a header. Generated from the contract's method list, so it cannot drift.
import { METHOD_NAMES, failure, parseResult } from '../../shared/contract.ts';
import { TOKEN_HEADER } from '../../shared/contract/names.ts';
import type { AppCommand, MethodName, OrebridgeApi, RequestOf, ResponseOf, Result } from '../../shared/contract.ts';

export { TOKEN_HEADER };

export interface HttpClientOptions {
  /** e.g. "http://127.0.0.1:51234"; the page's own origin in the browser. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Where commands come from in a browser (keyboard shortcuts); none when absent. */
  subscribeCommands?: (listener: (command: AppCommand) => void) => () => void;
}

export type CallMethod = <M extends MethodName>(method: M, request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;

export function createHttpCall(options: HttpClientOptions): CallMethod {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');
  return async (method, request) => {
    let response: Response;
    try {
      response = await fetchImpl(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: options.token },
        body: JSON.stringify(request ?? {}),
      });
    } catch (error) {
      return failure('io', `Orebridge's local server did not answer (${error instanceof Error ? error.message : String(error)}). Is \`npm run web\` still running?`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure('internal', `The local server answered ${method} with HTTP ${response.status} and no result.`);
    }
    return parseResult(method, body);
  };
}

export function createHttpClient(options: HttpClientOptions): OrebridgeApi {
  const call = createHttpCall(options);
  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    api[method] = (request: RequestOf<typeof method>) => call(method, request);
  }
  api.onCommand = options.subscribeCommands ?? (() => () => {});
  return api as OrebridgeApi;
}
