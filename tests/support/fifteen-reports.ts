/**
 * A lead with 15 reports in week 2026-W48 (UTC), for the pages at scale:
 * long names (two pairs share initials: Alice Chen / Aaron Cole, Maria
 * Lopez-Fernandez / Marco Lombardi), interventions whose titles have no break
 * points, and ratings that crowd the 2x2: six reports on the same top-right
 * score, four on one low-confidence score, two in "act now", one alone, and
 * two not rated yet (Quinn Baptiste-Hargreaves, Ravi Subramanian).
 */
const names = [
  ['alice', 'Alice Chen'],
  ['aaron', 'Aaron Cole'],
  ['bob', 'Bob Okafor'],
  ['maria', 'Maria Lopez-Fernandez'],
  ['marco', 'Marco Lombardi'],
  ['sunita', 'Sunita Ramaswamy-Venkataraman'],
  ['jo', 'Jo Kim'],
  ['theo', 'Theodora Papadopoulou'],
  ['li', 'Li Wei'],
  ['noor', 'Noor Al-Hashimi'],
  ['pat', 'Patrick O’Donnell-McAllister'],
  ['yuki', 'Yuki Tanaka'],
  ['erin', 'Erin Diaz'],
  ['quinn', 'Quinn Baptiste-Hargreaves'],
  ['ravi', 'Ravi Subramanian'],
] as const;

export const FIFTEEN_WEEK = '2026-W48';
export const fifteenReports = names.map(([id, name]) => ({ id, name }));

/** [reportId, alignment, confidence] for this week. */
const ratings: Array<[string, number, number]> = [
  ['alice', 4, 4],
  ['aaron', 4, 4],
  ['bob', 4, 4],
  ['maria', 4, 4],
  ['marco', 4, 4],
  ['sunita', 4, 4],
  ['jo', 3, 2],
  ['theo', 3, 2],
  ['li', 3, 2],
  ['noor', 3, 2],
  ['pat', 1, 1],
  ['yuki', 1, 1],
  ['erin', 2, 4],
];

/** A title with no break points, as generated branch names and Figma frame paths are. */
const unbreakable = (key: string) =>
  `${key}_payments-reconciliation-ledger-export-${'x'.repeat(120)}-final_v2`;

export const fifteenReportsBackup = {
  format: 'pullback-backup',
  version: 1,
  exportedAt: '2026-11-28T12:00:00.000Z',
  settings: {
    me: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
    reports: names.map(([id, name]) => ({ id, name, aliases: [`${id}@acme.test`] })),
  },
  interventions: names.slice(0, 8).map(([reportId], i) => {
    const start = Date.parse('2026-11-24T09:00:00Z') + i * 3_600_000;
    const key = `PAY-${100 + i}`;
    return {
      id: `x${i}`,
      tool: 'jira',
      artifact: { key, title: unbreakable(key), url: `https://acme.atlassian.net/browse/${key}` },
      reportId,
      purpose: 'back-on-track',
      startedAt: new Date(start).toISOString(),
      plannedEndAt: new Date(start + 15 * 60_000).toISOString(),
      endedAt: new Date(start + 12 * 60_000).toISOString(),
      status: 'ended',
      activeMs: 8 * 60_000,
      lastActivityAt: new Date(start + 12 * 60_000).toISOString(),
    };
  }),
  prompts: [],
  ratings: ratings.map(([reportId, alignment, confidence]) => ({
    week: FIFTEEN_WEEK,
    reportId,
    alignment,
    confidence,
    at: '2026-11-27T08:00:00.000Z',
  })),
};
