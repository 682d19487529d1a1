/**
 * The demo behind `npm start`: Chromium with the built extension, a Jira
 * workspace served on https://acme.atlassian.net (the same stand-in the
 * tests use), and Dana's team imported through the options page.
 *
 * With a display it opens the browser and waits for you until you close it.
 * Without one (or with --headless) it walks the loop once and saves a
 * screenshot of each surface to demo-screenshots/.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchExtension, type ExtensionBrowser } from '../tests/support/extension';
import { serveFakeJira, type FakeJiraIssue } from '../tests/support/fake-jira';
import { alice, bob, carol, dana, rosterBackup } from '../tests/support/roster';
import { editSummary, importBackupFile, promptOn } from '../tests/support/steps';
import { weekIdOf } from '@/utils/model/week';

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = process.argv.includes('--headless') || !hasDisplay;

/** Dana Lead is "me"; Alice and Bob report to her; Carol is a peer. */
const issues: Record<string, FakeJiraIssue> = {
  'PAY-142': { summary: 'Checkout: rename the Pay button', assignee: alice },
  'PAY-143': { summary: 'Refund flow: confirm before sending', assignee: bob },
  'OPS-9': { summary: 'Quarterly planning notes', assignee: dana },
  'WEB-3': { summary: 'Marketing site: footer links', assignee: carol },
};
const ALICE_TICKET = 'PAY-142';

const shortPath = (p: string) => {
  const relative = path.relative(process.cwd(), p);
  return relative.startsWith('..') ? p : relative;
};

let current = 'starting';
/** Runs one named step, so a failure says which step failed. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  current = name;
  return run();
}

async function main() {
  const ext = await step(`launch Chromium with the extension (${shortPath(EXTENSION_DIR)})`, () =>
    launchExtension({ headless }),
  );
  try {
    ext.context.setDefaultTimeout(15_000);
    const jira = await step('serve the demo Jira workspace', () =>
      serveFakeJira(ext.context, { myself: dana, issues }),
    );
    const { page: options, status } = await step('import the roster on the options page', () =>
      importBackupFile(ext, rosterBackup, 'demo-team.json'),
    );
    if (!/imported/i.test(status)) throw new Error(`the options page said: ${status.trim()}`);
    console.log(`Roster: ${status.trim()}`);

    if (headless) await walkTheLoop(ext, jira.url(ALICE_TICKET), options);
    else await waitForYou(ext, jira.url(ALICE_TICKET), jira.url('OPS-9'), jira.url('WEB-3'));
  } finally {
    await ext.close().catch(() => {});
  }
}

/** Headed: the options page and Alice's ticket in tabs, instructions here, until the browser is closed. */
async function waitForYou(
  ext: ExtensionBrowser,
  aliceUrl: string,
  ownUrl: string,
  peerUrl: string,
) {
  const closed = new Promise<void>((resolve) => ext.context.on('close', () => resolve()));
  const ticket = await step(`open ${ALICE_TICKET}`, async () => {
    const page = await ext.context.newPage();
    await page.goto(aliceUrl);
    return page;
  });
  // The window opens with an empty tab: leave only the options page and the ticket.
  for (const page of ext.context.pages()) if (page.url() === 'about:blank') await page.close();
  await ticket.bringToFront();
  const base = `chrome-extension://${ext.extensionId}`;
  console.log(`
Pullback is running in the Chromium window, on a demo Jira workspace.
You are Dana Lead. Alice Chen and Bob Okafor report to you; Carol Peer does not.

  1. On ${ALICE_TICKET} (Alice's ticket), click the summary "${issues[ALICE_TICKET]!.summary}" and type.
     The prompt appears at the bottom right; your typing stays in the editor.
  2. Answer it: "Yes, start the intervention" (its plan beside it), "No, I'll hand it back" or "Not now";
     after Yes, why you stepped in and a few words, if you like.
  3. Open the popup to see the intervention and pull back:
       ${base}/popup.html   (or the toolbar's puzzle-piece menu, then Pullback)
  4. Your own ticket (${ownUrl}) or Carol's (${peerUrl}) never prompt.

  Options (roster, backup): ${base}/options.html
  Weekly summary:           ${base}/summary.html

Close the browser window (or press Ctrl+C here) to end the demo.`);
  // Ctrl+C: Playwright closes the browser and exits; the throwaway profile goes too.
  process.once('exit', () => rmSync(ext.userDataDir, { recursive: true, force: true }));
  const interrupted = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await Promise.race([closed, interrupted]);
}

/** Headless: the whole loop once, a screenshot of each surface. */
async function walkTheLoop(ext: ExtensionBrowser, aliceUrl: string, options: Page) {
  const out = path.resolve('demo-screenshots');
  mkdirSync(out, { recursive: true });
  // The folder holds the latest walk only.
  for (const old of readdirSync(out)) if (/^\d\d-.*\.png$/.test(old)) rmSync(path.join(out, old));
  const shots: string[] = [];
  const shot = (page: Page, name: string, fullPage = false) =>
    step(`screenshot ${name}`, async () => {
      const file = path.join(out, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
      // Finite animations (the prompt's entrance) are finished before the capture.
      await page.screenshot({ path: file, fullPage, animations: 'disabled' });
      shots.push(file);
      console.log(`  saved ${file}`);
    });

  // The pages the docs show (docs/screenshots/), from this same walk: welcome, the prompt on a
  // report's ticket, the popup at the toolbar's width, the summary's first screen, the 1:1 page.
  const docs = path.resolve('docs/screenshots');
  mkdirSync(docs, { recursive: true });
  const docShot = (page: Page, name: string, fullPage = false) =>
    step(`docs screenshot ${name}`, async () => {
      const file = path.join(docs, `${name}.png`);
      await page.screenshot({ path: file, fullPage, animations: 'disabled' });
      console.log(`  saved ${file}`);
    });
  await step('open the welcome page', async () => {
    const page = await ext.openPage('welcome.html');
    await page.setViewportSize({ width: 800, height: 900 });
    await page
      .getByRole('region', { name: /last step/i })
      .getByText(/Alice Chen/)
      .waitFor();
    await docShot(page, 'welcome', true);
    await page.close();
  });

  const ticket = await step(`open ${ALICE_TICKET}, Alice's ticket`, async () => {
    const page = await ext.context.newPage();
    await page.goto(aliceUrl);
    return page;
  });
  const prompt = promptOn(ticket);
  await step(`edit the summary of ${ALICE_TICKET} and see the prompt`, async () => {
    await editSummary(ticket, ' to "Pay now"');
    await prompt.waitFor();
    const text = (await prompt.textContent()) ?? '';
    if (!text.includes('Alice Chen') || !text.includes(ALICE_TICKET))
      throw new Error(`the prompt does not name Alice Chen and ${ALICE_TICKET}: "${text}"`);
  });
  await shot(ticket, 'prompt-on-alice-ticket');
  await docShot(ticket, 'prompt');

  await step('click "Yes, start the intervention"', async () => {
    await prompt.getByRole('button', { name: /^Yes/ }).click();
    await prompt.getByText(/intervention started/i).waitFor();
  });
  await shot(ticket, 'prompt-after-yes');

  const popup = await step('open the popup with the active intervention', async () => {
    const page = await ext.openPage('popup.html');
    await page.setViewportSize({ width: 400, height: 600 });
    await page.getByRole('listitem').filter({ hasText: ALICE_TICKET }).waitFor();
    return page;
  });
  await shot(popup, 'popup-active-intervention', true);
  await step('the popup at the toolbar width', async () => {
    await popup.setViewportSize({ width: 380, height: 600 });
    await docShot(popup, 'popup-380', true);
  });

  await step('open the options page', async () => {
    await options.reload();
    await options.getByRole('heading').first().waitFor();
    await options.bringToFront();
  });
  await shot(options, 'options', true);

  const summary = await step('open the weekly summary', async () => {
    const page = await ext.openPage('summary.html');
    await page.getByRole('heading', { level: 1, name: /^This week/ }).waitFor();
    return page;
  });
  await shot(summary, 'weekly-summary', true);
  await step("the summary's first screen", async () => {
    await summary.setViewportSize({ width: 1280, height: 800 });
    await docShot(summary, 'summary-first-screen');
  });
  await step("Alice's 1:1 page", async () => {
    const page = await ext.openPage(`summary.html#${weekIdOf(new Date())}/alice`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await docShot(page, 'one-on-one', true);
    await page.close();
  });

  await step('click "Pull back" in the popup and see the log', async () => {
    await popup.bringToFront();
    await popup.reload();
    const item = popup.getByRole('listitem').filter({ hasText: ALICE_TICKET });
    await item.getByRole('button', { name: /pull back/i }).click();
    await popup
      .getByRole('row')
      .filter({ hasText: new RegExp(`Pulled back from ${ALICE_TICKET} \\(Alice Chen\\)`) })
      .waitFor();
  });
  await shot(popup, 'popup-log-after-pull-back', true);

  console.log(`\nThe demo walked the loop headless: ${shots.length} screenshots in ${out}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`\nThe demo failed at step "${current}": ${message}`);
    process.exit(1);
  },
);
