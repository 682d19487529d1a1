/** The sample team the tests and the demo use. */
import type { JiraUser } from './fake-jira';

export const dana: JiraUser = {
  displayName: 'Dana Lead',
  emailAddress: 'dana@acme.test',
  accountId: '557058:d0',
};
export const alice: JiraUser = {
  displayName: 'Alice Chen',
  emailAddress: 'alice@acme.test',
  accountId: '557058:a1',
};
export const bob: JiraUser = {
  displayName: 'Bob Okafor',
  emailAddress: 'bob@acme.test',
  accountId: '557058:b2',
};
export const carol: JiraUser = {
  displayName: 'Carol Peer',
  emailAddress: 'carol@acme.test',
  accountId: '557058:c3',
};

/** A settings-only backup: Dana leads Alice and Bob (Carol is a peer, not a report). */
export const rosterBackup = {
  format: 'pullback-backup',
  version: 1,
  // Made now: an import refuses records started more than a day after the backup was made.
  exportedAt: new Date().toISOString(),
  settings: {
    me: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
    reports: [
      // Jira's account id is an alias like any other: the REST API names people by it too.
      { id: 'alice', name: 'Alice Chen', aliases: ['alice@acme.test', '557058:a1'] },
      { id: 'bob', name: 'Bob Okafor', aliases: ['bob@acme.test'] },
    ],
  },
};

/** Dana's team with tool-specific aliases (logins, handles) added per report, and any extra settings. */
export function rosterWith(
  aliases: Partial<Record<'alice' | 'bob', string[]>>,
  settings: Record<string, unknown> = {},
) {
  return {
    ...rosterBackup,
    settings: {
      ...rosterBackup.settings,
      reports: rosterBackup.settings.reports.map((r) => ({
        ...r,
        aliases: [...r.aliases, ...(aliases[r.id as 'alice' | 'bob'] ?? [])],
      })),
      ...settings,
    },
  };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** A prompt on a Jira ticket the lead answered _Not now_, `ago` minutes ago, as a backup holds it. */
export const notNowPrompt = (id: string, key: string, reportId: string, ago: number) => ({
  id,
  at: minutesAgo(ago),
  tool: 'jira',
  artifact: { key, title: 'Refund copy', url: `https://acme.atlassian.net/browse/${key}` },
  reportId,
  answer: 'dismissed',
  answeredAt: minutesAgo(ago),
  interventionId: null,
});

/** Alice's intervention on a Jira ticket, started 40 minutes ago with a 15-minute plan: 25 minutes past its end. */
export const overdueRecord = (id: string, key: string, title: string) => ({
  id,
  tool: 'jira',
  artifact: { key, title, url: `https://acme.atlassian.net/browse/${key}` },
  reportId: 'alice',
  purpose: 'back-on-track',
  startedAt: minutesAgo(40),
  plannedEndAt: minutesAgo(25),
  endedAt: null,
  status: 'active',
  activeMs: 60_000,
  lastActivityAt: minutesAgo(1),
});

/** An ended intervention on a Jira ticket, as a backup holds it: planned for 15 min, ended after 10. */
export const endedRecord = (
  id: string,
  reportId: string,
  startedAt: string,
  { purpose = 'back-on-track', activeMs = 60_000 } = {},
) => ({
  id,
  tool: 'jira',
  artifact: {
    key: id.toUpperCase(),
    title: `Ticket ${id}`,
    url: `https://acme.atlassian.net/browse/${id.toUpperCase()}`,
  },
  reportId,
  purpose,
  startedAt,
  plannedEndAt: new Date(Date.parse(startedAt) + 15 * 60_000).toISOString(),
  endedAt: new Date(Date.parse(startedAt) + 10 * 60_000).toISOString(),
  status: 'ended',
  activeMs,
});
