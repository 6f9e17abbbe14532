// The preload: the contract's methods as `window.orebridge`, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './preload-api.ts';

contextBridge.exposeInMainWorld('orebridge', buildPreloadApi(ipcRenderer));
