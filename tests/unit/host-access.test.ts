import { describe, expect, test } from 'vitest';
import { accessNeeds, withdrawnAccess } from '@/utils/settings/host-access';
import { SITE_TOOLS } from '@/utils/model/tools';

describe('site access per tool', () => {
  test('tools on the same sites are asked for together, every tool once', () => {
    const needs = accessNeeds();
    const atlassian = needs.find((n) => n.toolIds.includes('jira'));
    expect(atlassian).toEqual({
      toolIds: ['jira', 'confluence'],
      label: 'Jira and Confluence',
      origins: ['https://*.atlassian.net/*'],
    });
    expect(needs.flatMap((n) => n.toolIds).sort()).toEqual(SITE_TOOLS.map((t) => t.id).sort());
  });

  test('only the tools whose sites are not all held are withdrawn; tools switched off are not mentioned', async () => {
    const held = new Set([
      'https://github.com/*',
      'https://linear.app/*',
      'https://www.figma.com/*',
      'https://app.asana.com/*',
      'https://docs.google.com/document/*',
      'https://app.notion.com/*',
    ]);
    const contains = async (origins: string[]) => origins.every((o) => held.has(o));
    const withdrawn = await withdrawnAccess([], contains);
    expect(withdrawn.map((n) => n.label)).toEqual(['Jira and Confluence', 'Notion']); // Notion: its notion.so addresses too
    await expect(
      withdrawnAccess(['notion'], contains).then((w) => w.map((n) => n.label)),
    ).resolves.toEqual(['Jira and Confluence']);
    // Both Atlassian tools off: nothing to ask for there.
    await expect(withdrawnAccess(['jira', 'confluence', 'notion'], contains)).resolves.toEqual([]);
  });

  test('a browser that cannot answer is taken as access held (no false alarm)', async () => {
    await expect(
      withdrawnAccess([], async () => Promise.reject(new Error('no permissions API'))),
    ).resolves.toEqual([]);
  });
});

describe('sites the lead added', () => {
  test('one without access in this browser (synced in from another) is named by its label and asked for alone', async () => {
    const held = new Set(
      accessNeeds()
        .flatMap((n) => n.origins)
        .concat('https://docs.acme.test/*'),
    );
    const contains = async (origins: string[]) => origins.every((o) => held.has(o));
    const sites = [
      { origin: 'https://wiki.acme.test', label: 'Team wiki' },
      { origin: 'https://docs.acme.test', label: 'Team docs' },
    ];
    await expect(withdrawnAccess([], contains, sites)).resolves.toEqual([
      { toolIds: ['custom'], label: 'Team wiki', origins: ['https://wiki.acme.test/*'] },
    ]);
  });
});
