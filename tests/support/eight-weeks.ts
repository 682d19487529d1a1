/**
 * Eight weeks of a lead's log (2026-W41 to 2026-W48), with the figures of
 * the last week worked out by hand below. Times are UTC; open the browser
 * with timezoneId 'UTC' so local weeks are these weeks.
 *
 * Week 2026-W48 (Mon 23 Nov – Sun 29 Nov):
 *   a1 Alice PAY-1  back-on-track  09:00–09:12, planned 09:15  on time  hands-on 10 min  span 12 min
 *   a2 Alice PAY-2  back-on-track  10:00–10:45, planned 10:30  late     hands-on 20 min  span 45 min
 *   a3 Alice PAY-3  back-on-track  14:00–14:10, planned 14:15  on time  hands-on  5 min  span 10 min
 *   b1 Bob   WEB-1  details-matter Fri 16:00 – Tue 1 Dec 10:00 late, open at week end, hands-on 30 min
 *   started 4 · hands-on 65 min · median span (12+45)/2 = 28.5 min · pulled back 2 of 4 = 50% · open at end 1
 *   prompts 6: 4 deliberate, 1 caught myself (Alice), 1 not now (Bob)
 * Weeks W44–W47: one Alice intervention a week, 10 min hands-on, on time
 *   -> 4-week averages: started 1, hands-on 10 min, pulled back 100%.
 * Weeks W41–W43: one Bob intervention a week, 20 min hands-on (for the sparkline).
 * Erin has no touchpoints at all.
 */
const jira = (key: string) => ({
  key,
  title: `Ticket ${key}`,
  url: `https://acme.atlassian.net/browse/${key}`,
});

type Spec = [
  id: string,
  reportId: string,
  key: string,
  purpose: string,
  start: string,
  plannedMin: number,
  end: string,
  handsOnMin: number,
];

const specs: Spec[] = [
  ['a1', 'alice', 'PAY-1', 'back-on-track', '2026-11-23T09:00:00Z', 15, '2026-11-23T09:12:00Z', 10],
  ['a2', 'alice', 'PAY-2', 'back-on-track', '2026-11-24T10:00:00Z', 30, '2026-11-24T10:45:00Z', 20],
  ['a3', 'alice', 'PAY-3', 'back-on-track', '2026-11-25T14:00:00Z', 15, '2026-11-25T14:10:00Z', 5],
  ['b1', 'bob', 'WEB-1', 'details-matter', '2026-11-27T16:00:00Z', 30, '2026-12-01T10:00:00Z', 30],
  [
    'w47',
    'alice',
    'PAY-47',
    'teach-framework',
    '2026-11-17T09:00:00Z',
    30,
    '2026-11-17T09:20:00Z',
    10,
  ],
  [
    'w46',
    'alice',
    'PAY-46',
    'teach-framework',
    '2026-11-10T09:00:00Z',
    30,
    '2026-11-10T09:20:00Z',
    10,
  ],
  [
    'w45',
    'alice',
    'PAY-45',
    'teach-framework',
    '2026-11-03T09:00:00Z',
    30,
    '2026-11-03T09:20:00Z',
    10,
  ],
  [
    'w44',
    'alice',
    'PAY-44',
    'teach-framework',
    '2026-10-27T09:00:00Z',
    30,
    '2026-10-27T09:20:00Z',
    10,
  ],
  [
    'w43',
    'bob',
    'WEB-43',
    'details-matter',
    '2026-10-20T09:00:00Z',
    30,
    '2026-10-20T09:25:00Z',
    20,
  ],
  [
    'w42',
    'bob',
    'WEB-42',
    'details-matter',
    '2026-10-13T09:00:00Z',
    30,
    '2026-10-13T09:25:00Z',
    20,
  ],
  [
    'w41',
    'bob',
    'WEB-41',
    'details-matter',
    '2026-10-06T09:00:00Z',
    30,
    '2026-10-06T09:25:00Z',
    20,
  ],
];

const iso = (s: string) => new Date(s).toISOString();
const plus = (s: string, min: number) => new Date(Date.parse(s) + min * 60_000).toISOString();

export const eightWeeksBackup = {
  format: 'pullback-backup',
  version: 1,
  exportedAt: '2026-11-28T12:00:00.000Z',
  settings: {
    me: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
    reports: [
      { id: 'alice', name: 'Alice Chen', aliases: ['alice@acme.test'] },
      { id: 'bob', name: 'Bob Okafor', aliases: ['bob@acme.test'] },
      { id: 'erin', name: 'Erin Diaz', aliases: ['erin@acme.test'] },
    ],
  },
  interventions: specs.map(([id, reportId, key, purpose, start, plannedMin, end, handsOnMin]) => ({
    id,
    tool: 'jira',
    artifact: jira(key),
    reportId,
    purpose,
    startedAt: iso(start),
    plannedEndAt: plus(start, plannedMin),
    endedAt: iso(end),
    status: 'ended',
    activeMs: handsOnMin * 60_000,
    lastActivityAt: iso(end),
  })),
  prompts: [
    ...specs.map(([id, reportId, key, , start]) => ({
      id: `p-${id}`,
      at: iso(start),
      tool: 'jira',
      artifact: jira(key),
      reportId,
      answer: 'deliberate',
      answeredAt: iso(start),
      interventionId: id,
    })),
    {
      id: 'p-caught',
      at: '2026-11-28T09:00:00.000Z',
      tool: 'jira',
      artifact: jira('PAY-9'),
      reportId: 'alice',
      answer: 'stepped-back',
    },
    {
      id: 'p-notnow',
      at: '2026-11-28T10:00:00.000Z',
      tool: 'jira',
      artifact: jira('WEB-9'),
      reportId: 'bob',
      answer: 'dismissed',
    },
  ],
};
