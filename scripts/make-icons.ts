// Draws the app icon and the .orebridge document icon and writes them in the formats the
// installers need: PNGs for Linux, .ico for Windows, .icns for macOS (all PNG-based).
// Run `node scripts/make-icons.ts` after changing the drawing; the outputs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { ROOT } from './lib/paths.ts';

type Rgba = [number, number, number, number];
type Shader = (x: number, y: number) => Rgba | null;

const SLATE: Rgba = [31, 41, 55, 255];
const COPPER: Rgba = [217, 119, 6, 255];
const LITHIUM: Rgba = [94, 234, 212, 255];
const PAPER: Rgba = [248, 250, 252, 255];
const FOLD: Rgba = [203, 213, 225, 255];
const EDGE: Rgba = [148, 163, 184, 255];

function roundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The mark, in a unit square: an arch (the bridge) over a diamond (the ore). */
function mark(x: number, y: number): Rgba | null {
  const dx = x - 0.5;
  const dy = y - 0.62;
  const r = Math.hypot(dx, dy);
  if (y <= 0.62 && r >= 0.26 && r <= 0.34) return COPPER;
  if (y > 0.62 && y < 0.7 && Math.abs(Math.abs(dx) - 0.3) <= 0.04) return COPPER;
  if (Math.abs(x - 0.5) + Math.abs(y - 0.52) <= 0.12) return LITHIUM;
  return null;
}

const appIcon: Shader = (x, y) => {
  if (!roundedRect(x, y, 0.06, 0.06, 0.94, 0.94, 0.18)) return null;
  return mark(x, y) ?? SLATE;
};

const documentIcon: Shader = (x, y) => {
  const left = 0.16;
  const right = 0.84;
  const top = 0.06;
  const bottom = 0.94;
  const fold = 0.2;
  if (x < left || x > right || y < top || y > bottom) return null;
  if (x > right - fold && y < top + fold) {
    // The folded corner: the part below the diagonal is the fold, above it is transparent.
    return x - (right - fold) <= y - top ? FOLD : null;
  }
  const border = 0.02;
  if (x < left + border || x > right - border || y > bottom - border || (y < top + border && x < right - fold)) return EDGE;
  const inner = mark((x - 0.2) / 0.6, (y - 0.3) / 0.6);
  return inner ?? PAPER;
};

/** Renders with 4×4 supersampling so edges are smooth at small sizes. */
function render(shader: Shader, size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const color = shader((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!color) continue;
          const alpha = color[3] / 255;
          sum[0]! += color[0] * alpha;
          sum[1]! += color[1] * alpha;
          sum[2]! += color[2] * alpha;
          sum[3]! += alpha;
        }
      }
      const offset = (py * size + px) * 4;
      const coverage = sum[3]!;
      if (coverage > 0) {
        pixels[offset] = Math.round(sum[0]! / coverage);
        pixels[offset + 1] = Math.round(sum[1]! / coverage);
        pixels[offset + 2] = Math.round(sum[2]! / coverage);
      }
      pixels[offset + 3] = Math.round((coverage / (samples * samples)) * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export function encodePng(pixels: Buffer, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function encodeIco(pngs: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs.map(({ png }) => png)]);
}

const ICNS_TYPES: Record<number, string> = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

function encodeIcns(pngs: Array<{ size: number; png: Buffer }>): Buffer {
  const parts = pngs
    .filter(({ size }) => ICNS_TYPES[size])
    .map(({ size, png }) => {
      const head = Buffer.alloc(8);
      head.write(ICNS_TYPES[size]!, 0, 'ascii');
      head.writeUInt32BE(png.length + 8, 4);
      return Buffer.concat([head, png]);
    });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

function drawAll(shader: Shader, sizes: number[]) {
  return sizes.map((size) => ({ size, png: encodePng(render(shader, size), size) }));
}

const out = join(ROOT, 'build', 'icons');
mkdirSync(join(out, 'linux'), { recursive: true });

const app = drawAll(appIcon, [16, 32, 48, 64, 128, 256, 512, 1024]);
for (const { size, png } of app) if (size <= 512) writeFileSync(join(out, 'linux', `${size}x${size}.png`), png);
writeFileSync(join(out, 'app.ico'), encodeIco(app.filter(({ size }) => size <= 256)));
writeFileSync(join(out, 'app.icns'), encodeIcns(app));
writeFileSync(join(out, 'app.png'), app.find(({ size }) => size === 512)!.png);

const documentIcons = drawAll(documentIcon, [16, 32, 48, 64, 128, 256, 512, 1024]);
writeFileSync(join(out, 'document.ico'), encodeIco(documentIcons.filter(({ size }) => size <= 256)));
writeFileSync(join(out, 'document.icns'), encodeIcns(documentIcons));
writeFileSync(join(out, 'document.png'), documentIcons.find(({ size }) => size === 256)!.png);
console.log(`Wrote the app and document icons to ${out}.`);
