/**
 * The options page as a lead uses it: forgetting (a report, before a date,
 * everything) with a confirmation that says how much goes, removing a report
 * with the choice to keep their history, changes that save as they are made
 * and survive a reload, and a backup file too large to be one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { endedRecord, rosterBackup } from '../support/roster';
import { exportBackup, importBackupFile } from '../support/steps';

const intervention = (id: string, reportId: string, startedAt: string) =>
  endedRecord(id, reportId, startedAt, { purpose: 'teach-framework', activeMs: 300_000 });
const prompt = (id: string, reportId: string, at: string) => ({
  id,
  at,
  tool: 'jira',
  artifact: { key: 'PAY-1', title: 'Ticket', url: 'https://acme.atlassian.net/browse/PAY-1' },
  reportId,
  answer: 'stepped-back',
  answeredAt: at,
});
const rating = (reportId: string, week: string, at: string) => ({
  week,
  reportId,
  alignment: 3,
  confidence: 2,
  at,
});

/** Dana's team with history: Alice 2 interventions, 1 prompt, 1 check-in, 1 claim; Bob 1 old and 1 recent of each. */
const teamWithHistory = {
  ...rosterBackup,
  settings: {
    ...rosterBackup.settings,
    claims: [
      {
        id: 'c-alice',
        reportId: 'alice',
        urlPrefix: 'https://www.figma.com/design/abc/',
        label: 'Checkout (Figma)',
        createdAt: '2026-11-20T09:00:00.000Z',
      },
      {
        id: 'c-bob',
        reportId: 'bob',
        urlPrefix: 'https://www.notion.so/acme/Roadmap',
        label: 'Roadmap (Notion)',
        createdAt: '2026-11-20T09:00:00.000Z',
      },
    ],
  },
  interventions: [
    intervention('a-1', 'alice', '2026-11-23T09:00:00.000Z'),
    intervention('a-2', 'alice', '2026-11-24T09:00:00.000Z'),
    intervention('b-old', 'bob', '2026-03-02T09:00:00.000Z'),
    intervention('b-new', 'bob', '2026-11-25T09:00:00.000Z'),
  ],
  prompts: [
    prompt('pa-1', 'alice', '2026-11-23T08:59:00.000Z'),
    prompt('pb-old', 'bob', '2026-03-02T08:59:00.000Z'),
    prompt('pb-new', 'bob', '2026-11-25T08:59:00.000Z'),
  ],
  ratings: [
    rating('alice', '2026-W48', '2026-11-27T16:00:00.000Z'),
    rating('bob', '2026-W10', '2026-03-06T16:00:00.000Z'),
    rating('bob', '2026-W48', '2026-11-27T16:00:00.000Z'),
  ],
};

/** The confirmation that is open now (a modal dialog). */
const confirmation = (page: Page) => page.getByRole('alertdialog').or(page.getByRole('dialog'));

// One browser for the file (a launch costs seconds of CPU here): each group sets up the data it
// starts from by importing it, as before, and each export goes through the options page in hand.
let ext: ExtensionBrowser;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => ext?.close());

describe('forgetting on the options page', () => {
  test('each report has one way off the roster, Remove, and nothing else', async () => {
    const { page } = await importBackupFile(ext, teamWithHistory, 'team-rows.json');
    const rows = page.getByRole('group', { name: /^Report \d+$/ });
    await expect(rows.count()).resolves.toBe(2);
    for (const [i, name] of ['Alice Chen', 'Bob Okafor'].entries()) {
      const buttons = rows.nth(i).getByRole('button');
      await expect(buttons.count()).resolves.toBe(1);
      await expect(buttons.first().getAttribute('aria-label')).resolves.toBeNull();
      await expect(buttons.first().textContent()).resolves.toBe(`Remove ${name}`);
    }
    await expect(page.getByRole('button', { name: /^forget/i }).count()).resolves.toBe(0);
    await page.close();
  });

  test('forgetting a report (Remove, then Forget in its dialog) says what goes, and afterwards the export holds none of their records, check-ins or claims', async () => {
    const { page } = await importBackupFile(ext, teamWithHistory, 'team.json');
    await page.getByRole('button', { name: /^remove alice chen$/i }).click();
    const dialog = confirmation(page);
    await expect
      .poll(() => dialog.textContent())
      .toMatch(/2 interventions, 1 prompt, 1 check-in, 1 assigned page and 1 roster entry/);
    await dialog.getByRole('button', { name: /forget|delete/i }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /forgot alice chen/i })
      .waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByRole('button', { name: /alice chen/i }).count()).resolves.toBe(0);

    const backup = await exportBackup(ext, page);
    expect(backup.settings.reports.map((r: any) => r.name)).toEqual(['Bob Okafor']);
    expect(backup.interventions.map((r: any) => r.reportId)).not.toContain('alice');
    expect(backup.prompts.map((r: any) => r.reportId)).not.toContain('alice');
    expect(backup.ratings.map((r: any) => r.reportId)).not.toContain('alice');
    expect(backup.settings.claims.map((c: any) => c.reportId)).toEqual(['bob']);
    expect(JSON.stringify(backup)).not.toMatch(/alice/i);
    // Bob's history is untouched.
    expect(backup.interventions.map((r: any) => r.id).sort()).toEqual(['b-new', 'b-old']);
    await page.close();
  });

  test('removing a report asks; keeping their history leaves it under their name, and they can be forgotten later', async () => {
    const { page } = await importBackupFile(ext, teamWithHistory, 'team-again.json');
    await page.getByRole('button', { name: /^remove bob okafor$/i }).click();
    const dialog = confirmation(page);
    await expect.poll(() => dialog.textContent()).toMatch(/keep their history/i);
    await dialog.getByRole('button', { name: 'Keep their history' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /removed bob okafor/i })
      .waitFor();
    const former = page.getByRole('heading', { name: 'Former reports' });
    await former.waitFor();
    await expect(page.getByRole('group', { name: /^Report \d+$/ }).count()).resolves.toBe(1);

    let backup = await exportBackup(ext, page);
    expect(backup.settings.reports.map((r: any) => r.id)).toEqual(['alice']);
    expect(backup.settings.formerReports).toEqual([{ id: 'bob', name: 'Bob Okafor' }]);
    expect(backup.interventions.filter((r: any) => r.reportId === 'bob')).toHaveLength(2);
    // Nobody new is attributed to someone who left: their claim went.
    expect(backup.settings.claims.map((c: any) => c.reportId)).toEqual(['alice']);

    // The popup's log still names him.
    const popup = await ext.openPage('popup.html');
    await popup
      .getByText(/Bob Okafor/)
      .first()
      .waitFor();
    await popup.close();

    await page.getByRole('button', { name: /forget bob okafor/i }).click();
    await expect
      .poll(() => confirmation(page).textContent())
      .toMatch(/2 interventions, 2 prompts, 2 check-ins and 1 roster entry/);
    await confirmation(page)
      .getByRole('button', { name: /forget|delete/i })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: /forgot bob okafor/i })
      .waitFor();
    backup = await exportBackup(ext, page);
    expect(JSON.stringify(backup)).not.toMatch(/bob/i);
    await page.close();
  });

  test('delete before a date, then delete everything, each after saying how much', async () => {
    const { page } = await importBackupFile(ext, teamWithHistory, 'team-third.json');
    await page.getByLabel('Delete everything before').fill('2026-06-01');
    await page.getByRole('button', { name: /delete before this date/i }).click();
    let dialog = confirmation(page);
    await expect
      .poll(() => dialog.textContent())
      .toMatch(/1 intervention, 1 prompt and 1 check-in/);
    await dialog.getByRole('button', { name: /^delete before/i }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /deleted 1 intervention/i })
      .waitFor();
    let backup = await exportBackup(ext, page);
    expect(backup.interventions.map((r: any) => r.id).sort()).toEqual(['a-1', 'a-2', 'b-new']);
    expect(backup.settings.reports).toHaveLength(2);

    await page.getByRole('button', { name: /delete everything/i }).click();
    dialog = confirmation(page);
    await expect
      .poll(() => dialog.textContent())
      .toMatch(/3 interventions, 2 prompts, 2 check-ins, 2 assigned pages and 2 roster entries/);
    // Cancel first: nothing goes.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await exportBackup(ext, page)).interventions).toHaveLength(3);

    await page.getByRole('button', { name: /delete everything/i }).click();
    await confirmation(page)
      .getByRole('button', { name: /delete everything/i })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: /deleted 3 interventions/i })
      .waitFor();
    backup = await exportBackup(ext, page);
    expect(backup.interventions).toEqual([]);
    expect(backup.prompts).toEqual([]);
    expect(backup.ratings).toEqual([]);
    expect(backup.settings.reports).toEqual([]);
    expect(backup.settings.claims).toEqual([]);
    expect(backup.settings.me.name).toBe('');
    await page.close();
  });
});

describe('one save model on the options page', () => {
  beforeAll(async () => {
    // The roster alone, settings at their defaults (an import replaces the settings).
    await (await importBackupFile(ext, rosterBackup, 'start.json')).page.close();
  });

  test('a change reloaded at once is still there after the reload, even when the lead leaves through the warning', async () => {
    const page = await ext.openPage('options.html');
    const warnings: string[] = [];
    // While a change waits to be saved the browser asks before leaving; the lead says "Leave".
    page.on('dialog', (d) => {
      warnings.push(d.type());
      void d.accept();
    });
    const cooldown = page.getByLabel(/do not ask again/i);
    await cooldown.click();
    await cooldown.fill('52');
    await page.reload();
    await expect.poll(() => page.getByLabel(/do not ask again/i).inputValue()).toBe('52');
    expect((await exportBackup(ext, page)).settings.cooldownMinutes).toBe(52);

    // A new report's name, typed and reloaded at once, is on the roster after the reload.
    await page.getByRole('button', { name: 'Add a report' }).click();
    const name = page.getByRole('group', { name: 'Report 3' }).getByLabel('Name');
    await name.click();
    await name.fill('Hana Just-Typed');
    await page.reload();
    await expect
      .poll(() => page.getByRole('group', { name: 'Report 3' }).getByLabel('Name').inputValue())
      .toBe('Hana Just-Typed');
    expect(warnings.every((w) => w === 'beforeunload')).toBe(true);
    await page.close();
  });

  test('a value that cannot be saved says so in view, and leaving the page then warns', async () => {
    const page = await ext.openPage('options.html');
    const idle = page.getByLabel(/count me as away/i);
    await idle.click();
    await idle.fill('500');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /not saved/i })
          .textContent(),
      )
      .toMatch(/1 to 60/);
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: /1 to 60/ })
        .count(),
    ).resolves.toBe(1);
    const dialog = page.waitForEvent('dialog');
    void page.reload().catch(() => {});
    const warning = await dialog;
    expect(warning.type()).toBe('beforeunload');
    await warning.dismiss();
    await expect(idle.inputValue()).resolves.toBe('500'); // still on the page, nothing lost
    expect((await exportBackup(ext, page)).settings.idleMinutes).toBe(2);
    // Fixing it saves it.
    await idle.fill('5');
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await expect.poll(async () => (await exportBackup(ext, page)).settings.idleMinutes).toBe(5);
    await page.close();
  });

  test('retention and notification privacy save as chosen', async () => {
    const page = await ext.openPage('options.html');
    await page
      .getByLabel('Keep my records for')
      .selectOption({ label: 'The last 6 months (older ones are deleted)' });
    await page.getByLabel(/hide item titles in system notifications/i).check();
    await expect
      .poll(async () => {
        const { settings } = await exportBackup(ext, page);
        return [settings.retentionMonths, settings.hideNotificationTitles];
      })
      .toEqual([6, true]);
    await page.close();
  });
});

describe('a backup file too large to be one', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pullback-big-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('a 73 MB file gets Pullback’s own message before it is read, and nothing changes', async () => {
    const { page } = await importBackupFile(ext, rosterBackup, 'start.json');
    const file = path.join(dir, 'huge.json');
    writeFileSync(file, Buffer.alloc(73 * 1024 * 1024, 0x20));
    await page.getByLabel(/import/i).setInputFiles(file);
    const alert = page.getByRole('alert').filter({ hasText: 'huge.json' });
    await expect
      .poll(() => alert.textContent())
      .toMatch(/too large to be a Pullback backup \(73 MB.*Nothing was imported/);
    await expect(page.getByText(/exceeded maximum allowed size/i).count()).resolves.toBe(0);
    expect((await exportBackup(ext, page)).settings.reports).toHaveLength(2);
    await page.close();
  });
});
