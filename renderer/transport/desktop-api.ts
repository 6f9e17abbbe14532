// The desktop app's `window.orebridge` (the preload), with every reply checked against the
// contract exactly as browser mode's HTTP client checks its replies: a reply that does not match
// its method's schema, or a call that throws, becomes an error result, never a wrong value.
import { METHOD_NAMES, failure, parseResult } from '../../shared/contract.ts';
import type { OrebridgeApi, RequestOf } from '../../shared/contract.ts';

export function createCheckedDesktopApi(preload: OrebridgeApi): OrebridgeApi {
  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    const call = preload[method] as (request: unknown) => Promise<unknown>;
    api[method] = async (request: RequestOf<typeof method>) => {
      try {
        return parseResult(method, await call(request));
      } catch (error) {
        return failure('internal', `Orebridge could not complete ${method}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}.`);
      }
    };
  }
  api.onCommand = preload.onCommand;
  return Object.freeze(api) as unknown as OrebridgeApi;
}
