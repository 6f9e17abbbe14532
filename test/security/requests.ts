// Hostile requests to a browser-mode server, measured: each must be refused within the budget,
// and the server must keep answering others meanwhile.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebServer } from '../../electron/web/server.ts';
import type { CaseFigures } from './suite.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const example = () => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'examples', 'northern-spodumene.project.json'), 'utf8')) as { assumptions: Record<string, unknown> & { prices: unknown[] } };

interface HostileRequest {
  name: string;
  path: string;
  /** `documentId`: a document the suite opened first, for requests that edit one. */
  body: (context: { documentId: string }) => string | Buffer;
  headers?: Record<string, string>;
}

const withAssumption = (field: string, value: unknown, documentId?: string) => {
  const project = example();
  return JSON.stringify({ ...(documentId ? { documentId } : {}), project: { ...project, assumptions: { ...project.assumptions, [field]: value } } });
};

const manyStructures = (documentId: string) => {
  const project = example() as ReturnType<typeof example> & { structures: object[] };
  return JSON.stringify({ documentId, project: { ...project, structures: Array.from({ length: 2000 }, (_, i) => ({ ...project.structures[0], id: `s-${i}`, name: `S ${i}` })) } });
};

export const HOSTILE_REQUESTS: HostileRequest[] = [
  { name: 'new document: years 1e1000000000', path: '/api/newDocument', body: () => withAssumption('years', '1e1000000000') },
  { name: 'new document: prices of 1e999999', path: '/api/newDocument', body: () => withAssumption('prices', example().assumptions.prices.map(() => '1e999999')) },
  { name: 'new document: 100,000-digit prices', path: '/api/newDocument', body: () => withAssumption('prices', example().assumptions.prices.map(() => '9'.repeat(100_000))) },
  { name: 'new document: 3,000,000 problems', path: '/api/newDocument', body: () => withAssumption('prices', Array.from({ length: 3_000_000 }, () => 'x')) },
  { name: 'new document: 100,000-deep JSON', path: '/api/newDocument', body: () => `{"project": ${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
  { name: 'new document: invalid UTF-8', path: '/api/newDocument', body: () => Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]) },
  { name: 'update document: 3,000,000 problems', path: '/api/updateDocument', body: ({ documentId }) => withAssumption('prices', Array.from({ length: 3_000_000 }, () => 'x'), documentId) },
  { name: 'update document: 100,000-digit prices', path: '/api/updateDocument', body: ({ documentId }) => withAssumption('prices', example().assumptions.prices.map(() => '9'.repeat(100_000)), documentId) },
  { name: 'update document: 2,000 valid structures', path: '/api/updateDocument', body: ({ documentId }) => manyStructures(documentId) },
  { name: 'a malformed URL escape', path: '/api/list%E0%A4%A', body: () => '{}' },
  { name: 'a 40 MiB body', path: '/api/newDocument', body: () => Buffer.alloc(40 * 1024 * 1024, 0x20) },
];

function post(port: number, token: string, path: string, body: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'x-orebridge-token': token } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', (error) => (String(error).includes('EPIPE') || String(error).includes('ECONNRESET') ? resolve({ status: 413, text: '{"ok":false,"error":{"message":"closed"}}' }) : reject(error)));
    req.end(body);
  });
}

function refusalOf(text: string): string {
  try {
    const reply = JSON.parse(text) as { ok: boolean; error?: { code: string; message: string; problems?: { path: string; message: string }[] } };
    if (reply.ok) return '';
    const first = reply.error?.problems?.[0];
    return first ? `${first.path}: ${first.message}` : (reply.error?.message ?? '');
  } catch {
    return '';
  }
}

/** Each hostile request, and how long a cheap request took while it ran (the server stays responsive). */
export async function runRequestSuite(): Promise<{ figures: CaseFigures[]; slowestOtherMs: number }> {
  const dirs = [0, 1, 2, 3].map(() => mkdtempSync(join(tmpdir(), 'orebridge-security-web-')));
  const server = await startWebServer({ rendererDir: dirs[0]!, documentsFolder: dirs[1]!, dataDir: dirs[2]!, examplesDir: join(ROOT, 'build', 'examples'), version: 'security' });
  let slowestOtherMs = 0;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  try {
    const figures: CaseFigures[] = [];
    const opened = JSON.parse((await post(server.port, server.token, '/api/newDocument', JSON.stringify({ project: example() }))).text) as { ok: boolean; value: { documentId: string } };
    if (!opened.ok) throw new Error('The security suite could not open a document to edit.');
    const context = { documentId: opened.value.documentId };
    for (const hostile of HOSTILE_REQUESTS) {
      const before = peakRss;
      const started = performance.now();
      const pending = post(server.port, server.token, hostile.path, hostile.body(context));
      const otherStarted = performance.now();
      await post(server.port, server.token, '/api/getAppInfo', '{}');
      slowestOtherMs = Math.max(slowestOtherMs, performance.now() - otherStarted);
      const reply = await pending;
      const ms = performance.now() - started;
      const message = refusalOf(reply.text);
      figures.push({
        name: hostile.name,
        command: 'request',
        code: reply.status,
        firstLine: message,
        lines: 1,
        ms,
        maxRssMb: Math.max(0, peakRss - before) / 1048576,
        refused: message !== '',
      });
    }
    return { figures, slowestOtherMs };
  } finally {
    clearInterval(sampler);
    await server.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
