/** Whether keys should be shown the Mac way (⌘K) or the PC way (Ctrl+K). */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
