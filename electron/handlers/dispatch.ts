// The one entry point both transports use: Electron IPC in main and HTTP in browser mode.
// It refuses unknown methods and untrusted senders, validates the payload against the
// contract, and turns anything thrown into an error result, so every reply is data.
import { z } from 'zod';
import { failure, isMethodName, methods } from '../../shared/contract.ts';
import type { MethodName, ParsedRequestOf, Result } from '../../shared/contract.ts';
import type { CallContext, Handler, HandlerMap } from './types.ts';

export interface DispatchOptions<Sender> {
  handlers: HandlerMap;
  /** true only for the app's own window (desktop) or a request with the run's token (browser). */
  isTrustedSender: (sender: Sender) => boolean;
  contextOf: (sender: Sender) => CallContext;
  /** Where unexpected failures are reported (the user sees a plain message either way). */
  onInternalError?: (method: string, error: unknown) => void;
}

export type Dispatch<Sender> = (method: string, payload: unknown, sender: Sender) => Promise<Result<unknown>>;

export function createDispatcher<Sender>(options: DispatchOptions<Sender>): Dispatch<Sender> {
  return async (method, payload, sender) => {
    if (!options.isTrustedSender(sender)) return failure('forbidden', 'This request did not come from Orebridge itself.');
    if (!isMethodName(method)) return failure('unknown-method', `There is no operation "${method}".`);
    const parsed = methods[method].request.safeParse(payload ?? {});
    if (!parsed.success) return failure('bad-request', `The request for ${method} is malformed: ${z.prettifyError(parsed.error)}`);
    const handler = options.handlers[method] as Handler<MethodName>;
    try {
      return await handler(parsed.data as ParsedRequestOf<MethodName>, options.contextOf(sender));
    } catch (error) {
      options.onInternalError?.(method, error);
      return failure('internal', `Orebridge could not complete ${method}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
