/**
 * A year of a busy lead's records, for the bench: 15
 * reports, 100,000 records (30,000 interventions, each with the "Yes" that
 * started it, and 40,000 other prompts), check-ins every week, and three
 * interventions still going on now. A backup file (format 1), so it goes in
 * through the real import; deterministic, so runs compare.
 */
import { fifteenReports } from '../tests/support/fifteen-reports';

export const YEAR_INTERVENTIONS = 30_000;
export const YEAR_PROMPTS = 70_000;
const ACTIVE = 3;
const DAY = 86_400_000;
const MINUTE = 60_000;

const tools = [
  {
    tool: 'jira',
    key: (n: number) => `PAY-${n}`,
    url: (k: string) => `https://acme.atlassian.net/browse/${k}`,
  },
  {
    tool: 'github',
    key: (n: number) => `acme/checkout#${n}`,
    url: (k: string) => `https://github.com/acme/checkout/issues/${k.split('#')[1]}`,
  },
  {
    tool: 'linear',
    key: (n: number) => `CHK-${n}`,
    url: (k: string) => `https://linear.app/acme/issue/${k}`,
  },
] as const;
const purposes = ['back-on-track', 'teach-framework', 'details-matter'];

function artifact(n: number) {
  const t = tools[n % tools.length]!;
  const key = t.key(1000 + (n % 4000));
  return {
    tool: t.tool,
    artifact: { key, title: `Checkout: ledger reconciliation step ${n % 4000}`, url: t.url(key) },
  };
}

/** ISO week id of a UTC date ('2026-W48'). */
function isoWeek(ms: number): string {
  const d = new Date(ms);
  const thursday = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - (d.getUTCDay() || 7)),
  );
  const week = Math.ceil(
    ((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / DAY + 1) / 7,
  );
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function yearBackup(now = new Date()) {
  const end = now.getTime() - 2 * 3_600_000; // The ended ones finished at least two hours ago.
  const start = end - 365 * DAY;
  const iso = (ms: number) => new Date(ms).toISOString();
  const reportId = (i: number) => fifteenReports[i % fifteenReports.length]!.id;
  const interventions: object[] = [];
  const prompts: object[] = [];

  const ended = YEAR_INTERVENTIONS - ACTIVE;
  /** The prompt that an intervention answered Yes to, shown 5 s before it started. */
  const deliberatePrompt = (
    id: string,
    at: number,
    tool: string,
    artifact: unknown,
    report: string,
    interventionId: string,
  ) => ({
    id,
    at: iso(at - 5_000),
    tool,
    artifact,
    reportId: report,
    answer: 'deliberate',
    answeredAt: iso(at),
    interventionId,
  });

  for (let i = 0; i < ended; i++) {
    const at = start + Math.floor((i / ended) * (end - start - DAY));
    const span = (10 + (i % 50)) * MINUTE;
    const { tool, artifact: a } = artifact(i);
    const id = `y-i${i}`;
    interventions.push({
      id,
      tool,
      artifact: a,
      reportId: reportId(i),
      purpose: purposes[i % purposes.length],
      ...(i % 7 === 0 ? { kind: 'takeover' } : {}),
      ...(i % 4 === 0 ? { intent: 'Show the reconciliation checklist' } : {}),
      startedAt: iso(at),
      plannedEndAt: iso(at + 30 * MINUTE),
      endedAt: iso(at + span),
      status: i % 40 === 0 ? 'lapsed' : 'ended',
      activeMs: Math.floor(span / 2),
      lastActivityAt: iso(at + span),
      stretchBroken: false,
      remindedAt: null,
      closing:
        i % 3 === 0
          ? { saidFramework: i % 2 === 0, ownerNow: 'report', answeredAt: iso(at + span + MINUTE) }
          : null,
    });
    prompts.push(deliberatePrompt(`y-p${i}`, at, tool, a, reportId(i), id));
  }
  for (let i = 0; i < ACTIVE; i++) {
    const at = now.getTime() - (10 + 20 * i) * MINUTE;
    const { tool, artifact: a } = artifact(90_000 + i);
    const id = `y-active${i}`;
    interventions.push({
      id,
      tool,
      artifact: a,
      reportId: reportId(i),
      purpose: 'back-on-track',
      startedAt: iso(at),
      plannedEndAt: iso(at + 30 * MINUTE),
      endedAt: null,
      status: 'active',
      activeMs: MINUTE,
      lastActivityAt: iso(at + 2 * MINUTE),
      stretchBroken: false,
      remindedAt: null,
      closing: null,
    });
    prompts.push(deliberatePrompt(`y-pa${i}`, at, tool, a, reportId(i), id));
  }
  const others = YEAR_PROMPTS - prompts.length;
  const answers = ['stepped-back', 'dismissed', 'stepped-back', 'unanswered'];
  for (let i = 0; i < others; i++) {
    const at = start + Math.floor((i / others) * (end - start));
    const { tool, artifact: a } = artifact(i * 7 + 3);
    const answer = answers[i % answers.length]!;
    prompts.push({
      id: `y-q${i}`,
      at: iso(at),
      tool,
      artifact: a,
      reportId: reportId(i + 5),
      answer,
      answeredAt: answer === 'unanswered' ? null : iso(at + 4_000),
      interventionId: null,
    });
  }
  const ratings: object[] = [];
  for (let w = start; w < end; w += 7 * DAY) {
    const week = isoWeek(w);
    fifteenReports.forEach((r, i) =>
      ratings.push({
        week,
        reportId: r.id,
        alignment: 1 + (((i + w / DAY) % 4) | 0),
        confidence: 1 + (i % 4),
        at: iso(w),
      }),
    );
  }
  return {
    format: 'pullback-backup',
    version: 1,
    exportedAt: iso(now.getTime()),
    settings: {
      me: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
      reports: fifteenReports.map((r) => ({ ...r, aliases: [`${r.id}@acme.test`] })),
    },
    interventions,
    prompts,
    ratings,
  };
}
