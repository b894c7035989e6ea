/**
 * The preload of the app window (built as CommonJS: sandboxed preloads cannot load ES modules).
 * It exposes `window.leadTriage` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('leadTriage', createBridge(ipcRenderer));
