// Browser mode's limits on what a request may make the server do.
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONCURRENT_REQUESTS, startWebServer, type WebServer } from '../../electron/web/server.ts';
import { fileNameProblem } from '../../electron/handlers/file-names.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'orebridge-limits-'));
  made.push(dir);
  return dir;
};

let server: WebServer;
beforeAll(async () => {
  server = await startWebServer({ rendererDir: tempDir(), documentsFolder: tempDir(), dataDir: tempDir(), examplesDir: join(ROOT, 'build', 'examples'), version: '0.1.0' });
});
afterAll(async () => {
  await server.close();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function send(path: string, body: Buffer | string, method = 'POST'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'x-orebridge-token': server.token } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function expectPlainRefusal(reply: { status: number; body: string }, status: number, pattern: RegExp): void {
  expect(reply.status).toBe(status);
  const parsed = JSON.parse(reply.body) as { ok: boolean; error: { message: string } };
  expect(parsed.ok).toBe(false);
  expect(parsed.error.message).toMatch(pattern);
  expect(parsed.error.message).not.toContain('\n');
  expect(parsed.error.message).not.toMatch(/at .*\.ts:\d+|URIError/);
}

describe('browser mode refuses malformed requests plainly', () => {
  it('a malformed URL escape is a 400, not a 500 with a stack', async () => {
    expectPlainRefusal(await send('/api/list%E0%A4%A', '{}'), 400, /not properly encoded/);
    expectPlainRefusal(await send('/%E0%A4%A', '', 'GET'), 400, /not properly encoded/);
  });

  it('100,000-deep JSON and invalid UTF-8 bodies are refused with a sentence', async () => {
    expectPlainRefusal(await send('/api/newDocument', `{"project": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`), 400, /more than 64 levels deep/);
    expectPlainRefusal(await send('/api/newDocument', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])), 400, /not UTF-8/);
  });

  it('a body larger than a project document is refused before it is read', async () => {
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/newDocument', headers: { host: `127.0.0.1:${server.port}`, 'x-orebridge-token': server.token, 'content-length': String(40 * 1024 * 1024) } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write('{');
    });
    expectPlainRefusal(reply, 413, /too large/);
  });

  it(`answers at most ${MAX_CONCURRENT_REQUESTS} contract calls at once and tells the next to retry`, async () => {
    const hanging: ClientRequest[] = [];
    for (let i = 0; i < MAX_CONCURRENT_REQUESTS; i++) {
      const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/newDocument', headers: { host: `127.0.0.1:${server.port}`, 'x-orebridge-token': server.token, 'content-length': '1000' } });
      req.on('error', () => undefined);
      req.write('{');
      hanging.push(req);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expectPlainRefusal(await send('/api/getAppInfo', '{}'), 503, /try again/);
    for (const req of hanging) req.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await send('/api/getAppInfo', '{}')).status).toBe(200);
  });
});

describe('file names browser mode refuses', () => {
  it('Windows device names however they are dressed up, and invisible or right-to-left characters', () => {
    for (const name of ['COM¹.orebridge', 'CONIN$.orebridge', 'conout$.orebridge', 'AUX .orebridge', 'aux.tar.orebridge', 'LPT².orebridge', 'NUL..orebridge']) {
      expect(fileNameProblem(name, 'project'), name).not.toBeNull();
    }
    for (const name of ['deal\u202egnp.orebridge', 'de\u200bal.orebridge', '\u2066deal.orebridge', 'deal\ufeff.orebridge']) {
      expect(fileNameProblem(name, 'project'), JSON.stringify(name)).toMatch(/invisible or right-to-left/);
    }
    for (const name of ['Deal 2026.orebridge', 'Acuerdo minería.orebridge', 'Auxiliary.orebridge', 'Console.orebridge', 'COM10.orebridge']) {
      expect(fileNameProblem(name, 'project'), name).toBeNull();
    }
  });
});
