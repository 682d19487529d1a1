/**
 * Backup through the options page: every bad file gets a clear alert and
 * writes nothing; a good one replaces settings and merges the log by id.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../support/extension';
import { rosterBackup } from '../support/roster';
import { exportBackup, importBackupFile } from '../support/steps';

const record = (id: string, key: string) => ({
  id,
  tool: 'jira',
  artifact: { key, title: `Ticket ${key}`, url: `https://acme.atlassian.net/browse/${key}` },
  reportId: 'alice',
  purpose: 'teach-framework',
  startedAt: '2026-11-23T09:00:00.000Z',
  plannedEndAt: '2026-11-23T09:15:00.000Z',
  endedAt: '2026-11-23T09:12:00.000Z',
  status: 'ended',
  activeMs: 420000,
});
const fullBackup = {
  ...rosterBackup,
  interventions: [record('i-1', 'PAY-1'), record('i-2', 'PAY-2')],
  prompts: [
    {
      id: 'p-1',
      at: '2026-11-23T09:00:00.000Z',
      tool: 'jira',
      artifact: record('x', 'PAY-1').artifact,
      reportId: 'alice',
      answer: 'deliberate',
    },
  ],
};

describe('backup import and export (options page)', () => {
  let ext: ExtensionBrowser;
  /** One options page, kept open as a lead trying file after file would: every export and import goes through it. */
  let options: Page;
  beforeAll(async () => {
    ext = await launchExtension();
    options = await ext.openPage('options.html');
    // Start from a real roster, so "changes nothing" has something to keep.
    await importBackupFile(ext, rosterBackup, 'start.json', options);
  });
  afterAll(async () => ext?.close());

  const badFiles: Array<[string, string | object, RegExp]> = [
    ['empty.json', '', /empty/i],
    ['not-json.json', '{"format": "pullback-backup", ', /not valid JSON/i],
    ['foreign.json', { format: 'other-tool', version: 1, settings: {} }, /not a Pullback backup/i],
    ['newer.json', { ...rosterBackup, version: 2 }, /newer Pullback/i],
    [
      'no-name.json',
      {
        ...rosterBackup,
        settings: { ...rosterBackup.settings, reports: [{ id: 'x', name: ' ', aliases: [] }] },
      },
      /reports\.0\.name/,
    ],
    [
      'bad-status.json',
      { ...fullBackup, interventions: [{ ...record('i-9', 'PAY-9'), status: 'paused' }] },
      /interventions\.0\.status/,
    ],
    // Implausible records: each names its field.
    [
      'end-before-start.json',
      {
        ...fullBackup,
        interventions: [{ ...record('i-9', 'PAY-9'), endedAt: '2026-11-23T08:00:00.000Z' }],
      },
      /interventions\.0\.endedAt must not be before startedAt/,
    ],
    [
      'planned-before-start.json',
      {
        ...fullBackup,
        interventions: [{ ...record('i-9', 'PAY-9'), plannedEndAt: '2026-11-22T09:00:00.000Z' }],
      },
      /interventions\.0\.plannedEndAt must not be before startedAt/,
    ],
    [
      'hands-on-too-long.json',
      { ...fullBackup, interventions: [{ ...record('i-9', 'PAY-9'), activeMs: 1e15 }] },
      /interventions\.0\.activeMs must not exceed/,
    ],
    [
      'year-0000.json',
      {
        ...fullBackup,
        interventions: [{ ...record('i-9', 'PAY-9'), startedAt: '0000-11-23T09:00:00.000Z' }],
      },
      /interventions\.0\.startedAt must be in the years 2000 to 2100/,
    ],
    [
      'feb-30.json',
      {
        ...fullBackup,
        interventions: [{ ...record('i-9', 'PAY-9'), startedAt: '2026-02-30T09:00:00.000Z' }],
      },
      /interventions\.0\.startedAt must be a real calendar date/,
    ],
    [
      'javascript-claim.json',
      {
        ...rosterBackup,
        settings: {
          ...rosterBackup.settings,
          claims: [
            {
              id: 'c-1',
              reportId: 'alice',
              urlPrefix: 'javascript:alert(1)//',
              label: 'x',
              createdAt: '2026-11-23T09:00:00.000Z',
            },
          ],
        },
      },
      /settings\.claims\.0\.urlPrefix must be an http\(s\) address/,
    ],
  ];

  test.each(badFiles)(
    '%s gets a clear alert and changes nothing',
    async (name, content, message) => {
      const before = await exportBackup(ext, options);
      const { page, status } = await importBackupFile(ext, content, name, options);
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(message);
      expect(status).toMatch(/nothing was imported/i);
      const after = await exportBackup(ext, options);
      expect({ ...after, exportedAt: null }).toEqual({ ...before, exportedAt: null });
    },
  );

  test('a valid backup replaces settings and merges the log by id, twice without duplicates', async () => {
    const first = await importBackupFile(ext, fullBackup, 'team.json', options);
    expect(first.status).toMatch(
      /imported team\.json: 2 reports, 2 interventions and 1 prompt added/i,
    );
    // The roster shows on the page at once.
    await expect(
      first.page.getByRole('group', { name: 'Report 1' }).getByLabel('Name').inputValue(),
    ).resolves.toBe('Alice Chen');

    const again = await importBackupFile(
      ext,
      { ...fullBackup, interventions: [...fullBackup.interventions, record('i-3', 'PAY-3')] },
      'team-later.json',
      options,
    );
    expect(again.status).toMatch(/1 intervention and 0 prompts added, 3 already here/i);

    const exported = await exportBackup(ext, options);
    expect(exported.format).toBe('pullback-backup');
    expect(exported.version).toBe(1);
    expect(exported.settings.reports.map((r: any) => r.name)).toEqual(['Alice Chen', 'Bob Okafor']);
    expect(exported.interventions.map((r: any) => r.id).sort()).toEqual(['i-1', 'i-2', 'i-3']);
    expect(exported.prompts).toHaveLength(1);
  });

  test('the roster can be edited on the page and is saved', async () => {
    const page = options;
    await page.getByRole('button', { name: 'Add a report' }).click();
    const row = page.getByRole('group', { name: 'Report 3' });
    await row.getByLabel('Name').fill('Erin Diaz');
    await row.getByLabel(/aliases/i).fill('erin@acme.test\n557058:e4');
    // Changes save as they are made: the saved state shows without a Save button.
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).textContent())
      .toMatch(/3 reports/);
    const exported = await exportBackup(ext, page);
    expect(exported.settings.reports[2]).toEqual({
      id: 'erin-diaz',
      name: 'Erin Diaz',
      aliases: ['erin@acme.test', '557058:e4'],
    });
  });

  test('unsaved edits in one options tab survive a change saved elsewhere', async () => {
    const first = options;
    await first.getByRole('button', { name: 'Add a report' }).click();
    const rows = first.getByRole('group', { name: /^Report \d+$/ });
    const draft = rows.last();
    await draft.getByLabel('Name').fill('Gail Unsaved');

    const second = await ext.openPage('options.html');
    await second.getByLabel(/do not ask again/i).fill('45');
    await second.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    // The first tab has heard of the change (it shows the new value), and the draft is still there.
    await expect.poll(() => first.getByLabel(/do not ask again/i).inputValue()).toBe('45');
    await expect(draft.getByLabel('Name').inputValue()).resolves.toBe('Gail Unsaved');
  });
});
