// Renders public/icon/icon.svg to the PNG sizes the manifest uses. Run by hand after editing the SVG:
//   npx tsx scripts/render-icons.ts
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
// The toolbar icon, and its paused variant (shown while prompts are paused).
for (const [source, prefix] of [
  ['icon', ''],
  ['paused', 'paused-'],
] as const) {
  const svg = readFileSync(`public/icon/${source}.svg`, 'utf8');
  for (const size of [16, 32, 48, 128]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: `public/icon/${prefix}${size}.png`, omitBackground: true });
  }
}
await browser.close();
