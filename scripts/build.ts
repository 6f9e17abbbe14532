// `npm run build`: the renderer and Electron's main and preload, into dist/.
import { buildElectron, buildRenderer } from './lib/build.ts';

const renderer = await buildRenderer();
const electron = await buildElectron();
console.log(`Built the renderer in ${renderer} and Electron's main and preload in ${electron.main}, ${electron.preload}.`);
