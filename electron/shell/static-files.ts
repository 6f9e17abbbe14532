// Serving the built renderer, for both the desktop app's own `app://` protocol and the
// browser-mode server: a request path maps to a file inside the renderer folder or to nothing.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/** The policy every page of the app is served with (the renderer's index.html has a meta tag
 * that agrees; both apply). No inline scripts, no eval, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The file a URL path names inside `root`, or null when it would leave it. "/" is index.html. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const segments = relative.split('/');
  if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return null;
  const full = normalize(join(root, relative));
  const normalizedRoot = normalize(root.endsWith(sep) ? root : root + sep);
  return full.startsWith(normalizedRoot) ? full : null;
}

export interface StaticFile {
  status: 200 | 404;
  headers: Record<string, string>;
  body: Buffer | string;
}

export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile> {
  const path = resolveStaticPath(root, urlPath);
  const info = path ? await stat(path).catch(() => null) : null;
  if (!path || !info?.isFile()) {
    return { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' };
  }
  const isHtml = extname(path) === '.html';
  return {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'content-type': contentTypeOf(path), 'cache-control': isHtml ? 'no-store' : 'no-cache' },
    body: await readFile(path),
  };
}
