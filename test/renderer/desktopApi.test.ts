import { describe, expect, it } from 'vitest';
import type { OrebridgeApi } from '../../shared/contract.ts';
import { METHOD_NAMES } from '../../shared/contract/names.ts';
import { createCheckedDesktopApi } from '../../renderer/transport/desktop-api.ts';

/** A stand-in preload whose replies are whatever the test says main sent. */
function preloadReplying(reply: (method: string) => unknown): OrebridgeApi {
  const api: Record<string, unknown> = { onCommand: () => () => {} };
  for (const method of METHOD_NAMES) api[method] = async () => reply(method);
  return api as unknown as OrebridgeApi;
}

describe('desktop replies are checked like browser-mode replies', () => {
  it('passes a reply that matches the contract', async () => {
    const api = createCheckedDesktopApi(preloadReplying(() => ({ ok: true, value: { theme: 'dark' } })));
    expect(await api.getSettings({})).toEqual({ ok: true, value: { theme: 'dark' } });
  });

  it('turns a reply outside the contract, or a call that throws, into an error result', async () => {
    const malformed = createCheckedDesktopApi(preloadReplying(() => ({ ok: true, value: { theme: 'neon', extra: 1 } })));
    const result = await malformed.getSettings({});
    expect(result.ok).toBe(false);
    const throwing = createCheckedDesktopApi(
      preloadReplying(() => {
        throw new Error('Error invoking remote method');
      }),
    );
    const thrown = await throwing.listRecent({});
    expect(thrown).toEqual({ ok: false, error: { code: 'internal', message: 'Orebridge could not complete listRecent: Error invoking remote method.' } });
  });
});
