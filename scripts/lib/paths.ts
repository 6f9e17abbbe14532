import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_CONFIG = join(ROOT, 'renderer', 'vite.config.ts');
export const RENDERER_OUT = join(ROOT, 'dist', 'renderer');
export const ELECTRON_OUT = join(ROOT, 'dist', 'electron');
export const EXAMPLES_DIR = join(ROOT, 'build', 'examples');
