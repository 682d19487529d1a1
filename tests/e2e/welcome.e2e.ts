/**
 * The first run: installing opens a welcome page in a new tab (who you are,
 * your reports, your tools, nothing leaves your browsers). Until there is
 * a roster the popup says what to do next instead of praising an empty week.
 * A report row with aliases but no name is explained and nothing is saved.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { exportBackup } from '../support/steps';

describe('first run', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  async function welcomeTab(): Promise<Page> {
    await expect
      .poll(() => ext.context.pages().some((p) => p.url().endsWith('/welcome.html')))
      .toBe(true);
    return ext.context.pages().find((p) => p.url().endsWith('/welcome.html'))!;
  }

  test('before any roster, the popup says what to do next', async () => {
    const popup = await ext.openPage('popup.html');
    const next = popup.getByRole('note', { name: /what to do next/i });
    await next.waitFor();
    await expect(next.textContent()).resolves.toMatch(/tell Pullback who your reports are/i);
    await expect(
      next.getByRole('link', { name: /set up your team/i }).getAttribute('href'),
    ).resolves.toBe('/welcome.html');
    await expect(popup.getByText(/leading at scale/i).count()).resolves.toBe(0);
    await popup.close();
  });

  test('the welcome teaches the idea first: both ways leads slip, the middle, the 2x2, and the two shortcuts', async () => {
    const page = await welcomeTab();
    const idea = page.getByRole('region', { name: /the idea/i });
    const text = (await idea.textContent()) ?? '';
    expect(text).toMatch(/micromanaging/i);
    expect(text).toMatch(/hands-off/i);
    for (const corner of ['Full support', 'Give context', 'Build confidence', 'Act now'])
      expect(text).toContain(corner);
    expect(text).toMatch(/never does/i);
    await expect(idea.locator('kbd').allTextContents()).resolves.toEqual([
      'Alt+Shift+P',
      'Alt+Shift+O',
    ]);
    expect(text).toMatch(/Alt\+Shift\+P.*keyboard/);
    expect(text).toMatch(/Alt\+Shift\+O.*pauses/);
    // Before any roster, the last step says to add one first.
    await expect(page.getByRole('region', { name: /last step/i }).textContent()).resolves.toMatch(
      /add your first report/i,
    );
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(axeViolations(page)).resolves.toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('installing opens the welcome page; it saves me, my reports with their aliases, and my tools', async () => {
    const page = await welcomeTab();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
      /welcome|set up|get started/i,
    );
    await expect(page.textContent('body')).resolves.toMatch(/Nothing leaves your browsers/);
    await expect(page.textContent('body')).resolves.toMatch(
      /log of interventions stays in this browser only/,
    );
    await expect(page.textContent('body')).resolves.toMatch(/Add … as a report/);

    await page.getByLabel('Your name').fill('Dana Lead');
    await page.getByLabel(/other names your tools use for you/i).fill('dana@acme.test');
    const first = page.getByRole('group', { name: 'Report 1' });
    await first.getByLabel(/name \(required\)/i).fill('Alice Chen');
    await first.getByLabel(/aliases \(optional\)/i).fill('alice@acme.test, 557058:a1');
    await page.getByRole('button', { name: 'Add another report' }).click();
    const second = page.getByRole('group', { name: 'Report 2' });
    // Each row its own example: no second row reads as Alice again.
    const placeholders = async (row: typeof first) =>
      Promise.all([
        row.getByLabel(/name \(required\)/i).getAttribute('placeholder'),
        row.getByLabel(/aliases \(optional\)/i).getAttribute('placeholder'),
      ]);
    const [one, two] = [await placeholders(first), await placeholders(second)];
    expect(one[0]).not.toBe(two[0]);
    expect(one[1]).not.toBe(two[1]);
    await second.getByLabel(/aliases \(optional\)/i).fill('bob@acme.test');
    await page.getByRole('checkbox', { name: 'Figma' }).uncheck();

    // Aliases without a name: said plainly, nothing saved.
    await page.getByRole('button', { name: /save/i }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /Report 2 has aliases but no name.*Nothing was saved/,
    );
    expect((await exportBackup(ext)).settings.reports).toEqual([]);

    await second.getByLabel(/name \(required\)/i).fill('Bob Okafor');
    await page.getByRole('button', { name: /save/i }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: 'Saved. Pullback now notices when you edit work owned by Alice Chen, Bob Okafor.',
      })
      .waitFor();

    // The last step says exactly what to try, with the first report's name.
    await expect
      .poll(() => page.getByRole('region', { name: /last step/i }).textContent())
      .toMatch(/Open one of Alice Chen’s tickets .*and edit it/);

    const { settings } = await exportBackup(ext);
    expect(settings.me).toEqual({ name: 'Dana Lead', aliases: ['dana@acme.test'] });
    expect(settings.reports).toEqual([
      expect.objectContaining({ name: 'Alice Chen', aliases: ['alice@acme.test', '557058:a1'] }),
      expect.objectContaining({ name: 'Bob Okafor', aliases: ['bob@acme.test'] }),
    ]);
    expect(settings.disabledTools).toEqual(['figma']);

    const popup = await ext.openPage('popup.html');
    await popup.getByRole('heading', { name: 'Active interventions' }).waitFor();
    await popup.getByText('None right now.').waitFor();
    await expect(popup.getByRole('note', { name: /what to do next/i }).count()).resolves.toBe(0);
    await popup.close();
  });
});
