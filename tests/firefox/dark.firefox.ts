/**
 * Dark mode in Firefox: a lead whose system is dark gets every page and the prompt in the dark
 * palette, and axe finds nothing on them (contrast is where a dark palette fails). Its own browser:
 * Firefox takes the scheme from a preference set at launch (WebDriver BiDi cannot emulate it).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from '../support/axe';
import { eightWeeksBackup } from '../support/eight-weeks';
import { serveFakeJira, type FakeJira } from '../support/fake-jira';
import { launchFirefox, type FirefoxExtension } from '../support/firefox';
import type { Page } from 'puppeteer-core';
import {
  axeOnPages,
  editSummary,
  importBackupFile,
  promptFrame,
  waitForPrompt,
} from '../support/firefox-steps';
import { alice, dana } from '../support/roster';

/** The page's own background, as drawn (not what the stylesheet hopes). */
const luminance = (rgb: string) => {
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

describe('Firefox in dark mode', () => {
  let ff: FirefoxExtension;
  let jira: FakeJira;

  beforeAll(async () => {
    ff = await launchFirefox({ timezoneId: 'UTC', colorScheme: 'dark' });
    jira = await serveFakeJira(ff.routes, {
      myself: dana,
      issues: { 'PAY-160': { summary: 'Dark checkout copy', assignee: alice } },
    });
    const { page, status } = await importBackupFile(ff, eightWeeksBackup, 'eight-weeks.json');
    expect(status).toMatch(/imported/i);
    await page.close();
  });
  afterAll(async () => ff?.close());

  test('the popup, options, welcome, weekly summary and 1:1 pages are drawn dark, and axe finds nothing', async () => {
    const drawnLight = async (page: Page) => {
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      return luminance(background) > 80 ? [`drawn light (${background})`] : [];
    };
    await expect(axeOnPages(ff, drawnLight)).resolves.toEqual([]);
  });

  test('the prompt on a report’s ticket is drawn dark, and axe finds nothing in its frame', async () => {
    const page = await ff.newPage(jira.url('PAY-160'));
    await editSummary(page, ' in the dark');
    const prompt = await waitForPrompt(page);
    const background = await prompt.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(luminance(background)).toBeLessThan(80);
    const frame = await promptFrame(page);
    await expect(axeViolations(frame)).resolves.toEqual([]);
    await page.close();
  });
});
