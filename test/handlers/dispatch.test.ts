import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, methods } from '../../shared/contract.ts';
import { createDispatcher } from '../../electron/handlers/index.ts';
import type { HandlerMap } from '../../electron/handlers/index.ts';
import { errorOf, makeHarness, ok, useTempDirs } from './helpers.ts';

describe('the dispatcher both transports use', () => {
  const tempDir = useTempDirs();

  it('refuses a sender that is not the app’s own window before looking at anything else', async () => {
    const harness = makeHarness(tempDir);
    const refused = await harness.raw('listExamples', {}, { trusted: false });
    expect(errorOf(refused).code).toBe('forbidden');
    const refusedEvenUnknown = await harness.raw('deleteEverything', {}, { trusted: false });
    expect(errorOf(refusedEvenUnknown).code).toBe('forbidden');
  });

  it('names an unknown method', async () => {
    const harness = makeHarness(tempDir);
    const error = errorOf(await harness.raw('deleteEverything', {}));
    expect(error.code).toBe('unknown-method');
    expect(error.message).toContain('deleteEverything');
  });

  it('validates every payload against the contract and says what is wrong', async () => {
    const harness = makeHarness(tempDir);
    const missing = errorOf(await harness.raw('openExample', {}));
    expect(missing.code).toBe('bad-request');
    expect(missing.message).toContain('exampleId');
    const extra = errorOf(await harness.raw('listExamples', { path: '/etc/passwd' }));
    expect(extra.code).toBe('bad-request');
    // A path the renderer made up is not a file reference.
    const path = errorOf(await harness.raw('openDocument', { file: '/etc/passwd' }));
    expect(path.code).toBe('bad-request');
    const pathRef = errorOf(await harness.raw('openDocument', { file: { path: '/etc/passwd' } }));
    expect(pathRef.code).toBe('bad-request');
  });

  it('turns a handler that throws into an error result', async () => {
    const harness = makeHarness(tempDir);
    const throwing = { ...harness.backend.handlers, listExamples: async () => { throw new Error('disk on fire'); } } as HandlerMap;
    const reported: string[] = [];
    const dispatch = createDispatcher<null>({ handlers: throwing, isTrustedSender: () => true, contextOf: () => ({ senderId: 'w' }), onInternalError: (method) => reported.push(method) });
    const error = errorOf(await dispatch('listExamples', {}, null));
    expect(error).toEqual({ code: 'internal', message: expect.stringContaining('disk on fire') });
    expect(reported).toEqual(['listExamples']);
  });

  it('implements every method of the contract and nothing more', () => {
    const harness = makeHarness(tempDir);
    expect(Object.keys(harness.backend.handlers).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(methods).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('answers getAppInfo with the mode and the documents folder', async () => {
    const harness = makeHarness(tempDir);
    expect(ok(await harness.call('getAppInfo', {}))).toEqual({ version: '0.1.0-test', mode: 'browser', platform: 'linux', documentsFolder: harness.documentsFolder });
  });
});
