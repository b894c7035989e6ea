// Renders resources/icon.svg to resources/icon.png (1024×1024, transparent corners) with the
// system Chromium through Playwright. electron-builder makes the .icns (macOS) and .ico (Windows)
// from that PNG when packaging. Run again after editing the SVG: `node scripts/packaging/render-icon.mjs`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const resources = join(fileURLToPath(import.meta.url), '..', '..', '..', 'resources');
const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
const size = Number(process.argv[2] ?? 1024);
const output = process.argv[3] ?? join(resources, 'icon.png');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
try {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`,
  );
  await page.screenshot({
    path: output,
    omitBackground: true,
    clip: { x: 0, y: 0, width: size, height: size },
  });
} finally {
  await browser.close();
}
console.log(`Wrote ${output} (${size}×${size})`);
