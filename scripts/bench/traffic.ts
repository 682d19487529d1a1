/** Messages per minute of continuous typing, and one heartbeat's round trip. */
import type { ExtensionBrowser } from '@/tests/support/extension';
import type { FakeJira } from '@/tests/support/fake-jira';
import { promptOn, typeInDescription } from '@/tests/support/steps';
import { SUMMARY_HEADING } from '@/scripts/bench/jira';
import { median, ms, progress, rows } from '@/scripts/bench/table';

/** Extended: messages the worker hears per minute of continuous typing on a ticket with an active intervention. */
export async function messagesPerMinute(
  ext: ExtensionBrowser,
  jira: FakeJira,
  key: string,
  seconds: number,
) {
  const page = await ext.context.newPage();
  await page.goto(jira.url(key));
  await page.locator(SUMMARY_HEADING).click();
  await page.keyboard.type('abcd'); // Four keys: the default threshold.
  await promptOn(page).getByRole('button', { name: /^Yes/ }).click();
  await promptOn(page)
    .getByText(/intervention started/i)
    .waitFor();
  const worker = await ext.worker();
  await worker.evaluate(`
    globalThis.__benchMessages = 0;
    chrome.runtime.onMessage.addListener(() => { globalThis.__benchMessages++; });
  `);
  progress(`typing for ${seconds} s…`);
  await typeInDescription(page, ' ');
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) await page.keyboard.type('typing ', { delay: 40 }); // about 25 keys a second
  const count = (await (await ext.worker()).evaluate('globalThis.__benchMessages')) as number;
  rows.push([
    'messages per minute of continuous typing',
    `${((count * 60) / seconds).toFixed(1)} (${count} in ${seconds} s)`,
    '',
  ]);
  await page.close();
}

/** Extended: one heartbeat (message, IndexedDB read-write, answer), from an extension page. */
export async function heartbeatRoundTrip(ext: ExtensionBrowser, key: string) {
  const page = await ext.openPage('popup.html');
  const times = (await page.evaluate(`(async () => {
    const out = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ id: i, type: 'heartbeat', data: { tool: 'jira', key: ${JSON.stringify(key)} }, timestamp: Date.now() });
      out.push(performance.now() - t0);
    }
    return out;
  })()`)) as number[];
  rows.push(['heartbeat round trip, median of 50', ms(median(times)), '']);
  await page.close();
}
