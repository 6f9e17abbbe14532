// Browser mode's server: loopback only, a token on every call, the same handlers as the
// desktop app, and the renderer's HTTP client speaking the contract to it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../renderer/transport/http-client.ts';
import { startWebServer } from '../../electron/web/server.ts';
import type { WebServer } from '../../electron/web/server.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/static-files.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES_DIR = join(ROOT, 'build', 'examples');
const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orebridge-web-'));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A renderer folder with a file next to it that must never be served. */
function fakeRenderer(): string {
  const root = tempDir();
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Orebridge</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(root, 'secret.txt'), 'secret');
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A raw HTTP request, so headers (Host, Origin) can be whatever a hostile page would send. */
function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the browser-mode server', () => {
  let server: WebServer;
  let documentsFolder: string;
  beforeAll(async () => {
    documentsFolder = tempDir();
    server = await startWebServer({ rendererDir: fakeRenderer(), documentsFolder, dataDir: tempDir(), examplesDir: EXAMPLES_DIR, version: '0.1.0' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 only, on a port of its own choosing', async () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    // Not on the IPv6 loopback or any other address.
    const reachable = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '::1', port: server.port });
      socket.on('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    expect(reachable).toBe(false);
  });

  it('refuses a contract call without the token, or with a wrong one, and does nothing', async () => {
    const call = (headers: Record<string, string>) =>
      rawRequest(server.port, { method: 'POST', path: '/api/openExample', headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', ...headers }, body: '{"exampleId":"ndpr-separation"}' });
    const none = await call({});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call({ 'x-orebridge-token': 'guess' })).status).toBe(401);
    expect((await call({ 'x-orebridge-token': `${server.token}x` })).status).toBe(401);
    const good = await call({ 'x-orebridge-token': server.token });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, value: { document: { untitled: true } } });
  });

  it('refuses other hosts (DNS rebinding) and other origins (another site in the browser)', async () => {
    const headers = { 'content-type': 'application/json', 'x-orebridge-token': server.token };
    const rebound = await rawRequest(server.port, { method: 'POST', path: '/api/listExamples', headers: { ...headers, host: `evil.example:${server.port}` }, body: '{}' });
    expect(rebound.status).toBe(421);
    const page = await rawRequest(server.port, { path: '/', headers: { host: `attacker.example:${server.port}` } });
    expect(page.status).toBe(421);
    const crossOrigin = await rawRequest(server.port, { method: 'POST', path: '/api/listExamples', headers: { ...headers, host: `127.0.0.1:${server.port}`, origin: 'https://evil.example' }, body: '{}' });
    expect(crossOrigin.status).toBe(403);
    const sameOrigin = await rawRequest(server.port, { method: 'POST', path: '/api/listExamples', headers: { ...headers, host: `127.0.0.1:${server.port}`, origin: server.origin }, body: '{}' });
    expect(sameOrigin.status).toBe(200);
    const get = await rawRequest(server.port, { path: '/api/listExamples', headers: { host: `127.0.0.1:${server.port}`, 'x-orebridge-token': server.token } });
    expect(get.status).toBe(405);
    const notJson = await rawRequest(server.port, { method: 'POST', path: '/api/listExamples', headers: { ...headers, host: `127.0.0.1:${server.port}` }, body: '{nope' });
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('serves the renderer with the Content-Security-Policy, and nothing outside its folder', async () => {
    const index = await fetch(`${server.origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<title>Orebridge</title>');
    expect((await fetch(`${server.origin}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/assets/../../secret.txt', '/..%5csecret.txt', '/%00index.html']) {
      const response = await rawRequest(server.port, { path, headers: { host: `127.0.0.1:${server.port}` } });
      expect(response.status, path).toBe(404);
    }
  });

  it('answers the renderer’s HTTP client with the same handlers as the desktop app', async () => {
    const client = createHttpClient({ baseUrl: server.origin, token: server.token });
    const info = await client.getAppInfo({});
    expect(info).toEqual({ ok: true, value: { version: '0.1.0', mode: 'browser', platform: process.platform, documentsFolder } });
    const opened = await client.openExample({ exampleId: 'northern-spodumene' });
    if (!opened.ok) throw new Error(opened.error.message);
    const saved = await client.saveDocumentAs({ documentId: opened.value.document.documentId, target: { name: 'Spodumene.orebridge' } });
    expect(saved).toMatchObject({ ok: true, value: { name: 'Spodumene.orebridge', untitled: false, dirty: false } });
    const files = await client.listFiles({});
    expect(files.ok && files.value.map((file) => file.name)).toEqual(['Spodumene.orebridge']);
    const escape = await client.saveDocumentAs({ documentId: opened.value.document.documentId, target: { name: '../Spodumene.orebridge' } });
    expect(escape).toMatchObject({ ok: false, error: { code: 'bad-file-name' } });
    const fresh = await client.newDocument({ project: opened.value.project });
    expect(fresh).toMatchObject({ ok: true, value: { untitled: true, dirty: false } });

    const wrongToken = createHttpClient({ baseUrl: server.origin, token: 'nope' });
    expect(await wrongToken.listExamples({})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const nobodyHome = createHttpClient({ baseUrl: 'http://127.0.0.1:1', token: server.token });
    expect(await nobodyHome.listExamples({})).toMatchObject({ ok: false, error: { code: 'io' } });
  });
});

describe('npm run web', () => {
  const children: Array<{ kill(): boolean }> = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
  });

  function runWeb(args: string[]): Promise<{ line: string; exit: Promise<number | null> }> {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'web.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`no address printed: ${output}`)), 20_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((candidate) => candidate.includes('running at') || candidate.startsWith('Orebridge: '));
        if (line) {
          clearTimeout(timer);
          resolve({ line, exit });
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
    });
  }

  it('prints the loopback address with the token, on a random port or the one asked for', async () => {
    const renderer = fakeRenderer();
    const common = ['--renderer', renderer, '--folder', tempDir(), '--data', tempDir()];
    const { line } = await runWeb(common);
    const match = /running at (http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+))/.exec(line);
    expect(match, line).not.toBeNull();
    const [, , port, token] = match!;
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    const refused = await fetch(`http://127.0.0.1:${port}/api/listExamples`, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(401);
    const answered = await fetch(`http://127.0.0.1:${port}/api/listExamples`, { method: 'POST', body: '{}', headers: { 'x-orebridge-token': token! } });
    expect(((await answered.json()) as { ok: boolean }).ok).toBe(true);

    const chosen = await freePort();
    const fixed = await runWeb([...common, '--port', String(chosen)]);
    expect(fixed.line).toContain(`http://127.0.0.1:${chosen}/#token=`);
  });

  it('says what is wrong with a bad option instead of starting', async () => {
    const { line, exit } = await runWeb(['--port', 'eighty']);
    expect(line).toBe('Orebridge: --port needs a whole number from 0 to 65535, not "eighty".');
    expect(await exit).toBe(2);
  });
});
