/** Record factories shared by the unit tests (not a test file itself). */
import type { Intervention, PromptRecord } from '@/utils/model/records';

export const uniqueDbName = () => `test-${crypto.randomUUID()}`;

export function intervention(overrides: Partial<Intervention> & { id: string }): Intervention {
  const startedAt = overrides.startedAt ?? '2026-11-28T10:00:00.000Z';
  const key = overrides.artifact?.key ?? 'PAY-142';
  return {
    tool: 'jira',
    artifact: { key, title: `Title of ${key}`, url: `https://acme.atlassian.net/browse/${key}` },
    reportId: 'alice',
    purpose: 'back-on-track',
    startedAt,
    plannedEndAt: new Date(Date.parse(startedAt) + 15 * 60_000).toISOString(),
    endedAt: null,
    status: 'active',
    activeMs: 0,
    lastActivityAt: startedAt,
    stretchBroken: false,
    remindedAt: null,
    closing: null,
    ...overrides,
  };
}

export function promptRecord(overrides: Partial<PromptRecord> & { id: string }): PromptRecord {
  const key = overrides.artifact?.key ?? 'PAY-142';
  return {
    at: '2026-11-28T10:00:00.000Z',
    tool: 'jira',
    artifact: { key, title: `Title of ${key}`, url: `https://acme.atlassian.net/browse/${key}` },
    reportId: 'alice',
    answer: 'unanswered',
    answeredAt: null,
    interventionId: null,
    ...overrides,
  };
}

/** A promise that rejects after `ms`, so a hang fails with a message instead of the test timeout. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
