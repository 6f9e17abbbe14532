// Browser mode: the built renderer and the contract over HTTP, on loopback only. Every API call
// needs the run's secret token; the Host and Origin headers must name this server (so another
// site in the user's browser, or a DNS-rebinding trick, cannot reach it).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname } from 'node:path';
import { failure } from '../../shared/contract.ts';
import { TOKEN_HEADER } from '../../shared/contract/names.ts';
import { MAX_JSON_BYTES } from '../files/format.ts';
import { shapeProblem } from '../files/json-depth.ts';
import { decodeJsonBytes } from '../files/json-text.ts';
import { createBackend, createDispatcher } from '../handlers/index.ts';
import { SECURITY_HEADERS, readStaticFile } from '../shell/static-files.ts';
import type { WorkPool } from '../work/pool.ts';

export const LOOPBACK = '127.0.0.1';
/** One request's body: as large as the largest JSON project document read from a file. */
const MAX_BODY_BYTES = MAX_JSON_BYTES;
/** Contract calls answered at once; more wait for none and are told to retry. */
export const MAX_CONCURRENT_REQUESTS = 16;
/** Bytes of request bodies held in memory at once, over all requests. */
export const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
/** Everything a browser-mode session does runs as this one sender. */
const BROWSER_SENDER_ID = 'browser';

export interface WebServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  rendererDir: string;
  /** The folder files are listed from and saved to. */
  documentsFolder: string;
  /** Private data: working copies, recent files, settings. */
  dataDir: string;
  examplesDir: string;
  version: string;
  /** Fixed only by tests; a fresh random token otherwise. */
  token?: string;
  /** Served as /favicon.ico when the renderer has none. */
  faviconPath?: string;
  /** The worker threads untrusted work runs in (a test passes a slowed one); made when absent. */
  work?: WorkPool;
}

export interface WebServer {
  /** The address to open, with the token in the fragment (never sent to the server in logs). */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | null, expected: Buffer): boolean {
  if (given === null) return false;
  const buffer = Buffer.from(given);
  return buffer.length === expected.length && timingSafeEqual(buffer, expected);
}

type BodyRead = { ok: true; bytes: Buffer } | { ok: false; status: number; message: string };

/** A request body within MAX_BODY_BYTES, its bytes counted against the server's shared budget. */
async function readBody(request: IncomingMessage, budget: { buffered: number }): Promise<BodyRead> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return { ok: false, status: 413, message: `The request is too large (at most ${MAX_BODY_BYTES / 1048576} MiB).` };
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      budget.buffered += buffer.length;
      if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: `The request is too large (at most ${MAX_BODY_BYTES / 1048576} MiB).` };
      if (budget.buffered > MAX_BUFFERED_BYTES) return { ok: false, status: 503, message: 'Orebridge is busy reading other large requests; try again in a moment.' };
      chunks.push(buffer);
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch {
    return { ok: false, status: 400, message: 'The request ended before its body was complete.' };
  } finally {
    budget.buffered -= size;
  }
}

/** The request body as a contract payload, or the one sentence saying why it is not one. */
function payloadOf(bytes: Buffer): { ok: true; payload: unknown } | { ok: false; message: string } {
  const text = decodeJsonBytes(bytes, 'The request body');
  if (!text.ok) return { ok: false, message: text.error.message };
  if (text.value === '') return { ok: true, payload: {} };
  const shape = shapeProblem(text.value, 'The request body');
  if (shape) return { ok: false, message: shape };
  try {
    return { ok: true, payload: JSON.parse(text.value) };
  } catch {
    return { ok: false, message: 'The request body is not JSON.' };
  }
}

function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const expectedToken = Buffer.from(token);
  const backend = createBackend({
    mode: 'browser',
    version: options.version,
    platform: process.platform,
    dataDir: options.dataDir,
    documentsFolder: options.documentsFolder,
    examplesFolder: options.examplesDir,
    dialogs: null,
    ...(options.work ? { work: options.work } : {}),
  });
  await backend.startUp();
  const dispatch = createDispatcher<{ token: string | null }>({
    handlers: backend.handlers,
    isTrustedSender: (sender) => sameToken(sender.token, expectedToken),
    contextOf: () => ({ senderId: BROWSER_SENDER_ID }),
    onInternalError: (method, error) => console.error(`Orebridge: ${method} failed`, error),
  });

  let port = 0;
  const budget = { buffered: 0 };
  let inFlight = 0;
  const allowedHosts = () => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);

  const server = createServer((request, response) => {
    void (async () => {
      const host = request.headers.host ?? '';
      if (!allowedHosts().has(host)) return sendJson(response, 421, failure('forbidden', 'Wrong host.'));
      let url: URL;
      try {
        url = new URL(request.url ?? '/', `http://${host}`);
      } catch {
        return sendJson(response, 400, failure('bad-request', 'The address of this request is not a valid address.'));
      }

      if (url.pathname.startsWith('/api/')) {
        const origin = request.headers.origin;
        if (origin !== undefined && origin !== `http://${host}`) return sendJson(response, 403, failure('forbidden', 'Cross-origin requests are refused.'));
        if (request.method !== 'POST') return sendJson(response, 405, failure('bad-request', 'Use POST.'));
        const given = request.headers[TOKEN_HEADER];
        if (!sameToken(typeof given === 'string' ? given : null, expectedToken)) {
          return sendJson(response, 401, failure('forbidden', 'This request has no valid token. Open the address `npm run web` printed.'));
        }
        const method = decodedPath(url.pathname.slice('/api/'.length));
        if (method === null) return sendJson(response, 400, failure('bad-request', 'The address of this request is not properly encoded.'));
        if (inFlight >= MAX_CONCURRENT_REQUESTS) {
          response.setHeader('retry-after', '1');
          return sendJson(response, 503, failure('bad-request', `Orebridge is answering ${MAX_CONCURRENT_REQUESTS} requests already; try again in a moment.`));
        }
        inFlight += 1;
        try {
          const body = await readBody(request, budget);
          if (!body.ok) return sendJson(response, body.status, failure('bad-request', body.message));
          const parsed = payloadOf(body.bytes);
          if (!parsed.ok) return sendJson(response, 400, failure('bad-request', parsed.message));
          return sendJson(response, 200, await dispatch(method, parsed.payload, { token: given as string }));
        } finally {
          inFlight -= 1;
        }
      }

      if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, failure('bad-request', 'Only GET here.'));
      if (decodedPath(url.pathname) === null) return sendJson(response, 400, failure('bad-request', 'The address of this request is not properly encoded.'));
      let file = await readStaticFile(options.rendererDir, url.pathname);
      if (file.status === 404 && url.pathname === '/favicon.ico' && options.faviconPath) {
        file = await readStaticFile(dirname(options.faviconPath), `/${basename(options.faviconPath)}`);
      }
      response.writeHead(file.status, file.headers);
      response.end(request.method === 'HEAD' ? undefined : file.body);
    })().catch((error: unknown) => {
      console.error('Orebridge: request failed', error);
      if (!response.headersSent) sendJson(response, 500, failure('internal', 'The server could not answer.'));
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await backend.shutdown();
    },
  };
}
