/**
 * What "On this page" is built on: who an owner is to Pullback (me, a report,
 * a claim, nobody, not in the roster, unreadable), the person a tool's
 * identities make, the address shape "Copy details" shares, and the pause's
 * end and its bad inputs.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/records';
import { standingOf } from '@/utils/background/edit-decision';
import { urlShape } from '@/utils/model/url-shape';
import { personFrom, withMe, withReport } from '@/utils/people/people';
import { activePause, checkPauseUntil, describePauseEnd, pauseEnd } from '@/utils/background/pause';
import type { PageReading } from '@/utils/sites/types';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  me: { name: 'Dana Lead', aliases: ['dana@acme.test'] },
  reports: [{ id: 'alice', name: 'Alice Chen', aliases: ['557058:a1'] }],
  claims: [
    {
      id: 'c1',
      reportId: 'alice',
      urlPrefix: 'https://www.figma.com/design/F1/',
      label: 'Checkout (Figma)',
      createdAt: '2026-11-28T10:00:00.000Z',
    },
  ],
};
const reading = (over: Partial<PageReading>): PageReading => ({
  tool: 'jira',
  toolLabel: 'Jira',
  artifact: { key: 'PAY-1', title: 'Checkout', url: 'https://acme.atlassian.net/browse/PAY-1' },
  owner: [],
  viewer: [],
  urlShape: 'https://acme.atlassian.net/browse/:id',
  selectors: { matched: [], missed: [] },
  ...over,
});

describe('who the owner is to Pullback', () => {
  it('me (by alias or by the tool saying it is the viewer), a report by any identity, someone else, nobody', () => {
    expect(standingOf(settings, reading({ owner: ['Dana L.', 'dana@acme.test'] })).kind).toBe('me');
    expect(standingOf(settings, reading({ owner: ['D'], viewer: ['D'] })).kind).toBe('me');
    expect(standingOf(settings, reading({ owner: ['A. Chen', '557058:a1'] }))).toEqual({
      kind: 'report',
      reportId: 'alice',
      reportName: 'Alice Chen',
      byClaim: false,
    });
    expect(standingOf(settings, reading({ owner: ['Erin Park'] })).kind).toBe('not-in-roster');
    expect(standingOf(settings, reading({ owner: [] })).kind).toBe('nobody');
  });

  it('a claim speaks where the tool names no one or its owner could not be read; an unclaimed unreadable owner, or an unreadable item, stays unreadable', () => {
    const figma = {
      tool: 'figma' as const,
      artifact: { key: 'F1', title: 'Checkout', url: 'https://www.figma.com/design/F1/Checkout' },
    };
    expect(standingOf(settings, reading({ ...figma, owner: [] }))).toMatchObject({
      kind: 'report',
      byClaim: true,
    });
    expect(standingOf(settings, reading({ ...figma, owner: ['Erin Park'] })).kind).toBe(
      'not-in-roster',
    );
    expect(standingOf(settings, reading({ ...figma, owner: null }))).toMatchObject({
      kind: 'report',
      byClaim: true,
    });
    // An edit says the same as `owner: null` with an empty owner and `ownerUnread`.
    expect(
      standingOf(settings, { ...reading({ ...figma, owner: [] }), ownerUnread: true }),
    ).toMatchObject({
      kind: 'report',
      byClaim: true,
    });
    const unclaimed = {
      tool: 'jira' as const,
      artifact: { key: 'GONE-7', title: '', url: 'https://acme.atlassian.net/browse/GONE-7' },
    };
    expect(standingOf(settings, reading({ ...unclaimed, owner: null }))).toEqual({
      kind: 'unreadable',
      what: 'owner',
    });
    expect(
      standingOf(settings, { ...reading({ ...unclaimed, owner: [] }), ownerUnread: true }),
    ).toEqual({ kind: 'unreadable', what: 'owner' });
    expect(standingOf(settings, reading({ artifact: null }))).toEqual({
      kind: 'unreadable',
      what: 'item',
    });
  });
});

describe('a person from what the tool says', () => {
  it('the first identity that reads like a name is the name; e-mail, account id and handle are aliases', () => {
    expect(personFrom(['erin@acme.test', 'Erin Park', '557058:e5', '@erin'])).toEqual({
      name: 'Erin Park',
      aliases: ['erin@acme.test', '557058:e5', '@erin'],
    });
    expect(personFrom(['Erin Park', 'erin park', ' Erin  Park '])).toEqual({
      name: 'Erin Park',
      aliases: [],
    });
    // Only ids: the first one is all there is to call them.
    expect(personFrom(['erin-gh'])).toEqual({ name: 'erin-gh', aliases: [] });
  });

  it('adding a report gets an id of its own; "this is me" adds only what I do not have', () => {
    const { settings: next, report } = withReport(
      { ...settings, reports: [...settings.reports, { id: 'erin-park', name: 'E', aliases: [] }] },
      { name: 'Erin Park', aliases: ['erin@acme.test'] },
    );
    expect(report.id).toBe('erin-park-2');
    expect(next.reports.at(-1)).toEqual({
      id: 'erin-park-2',
      name: 'Erin Park',
      aliases: ['erin@acme.test'],
    });
    expect(
      withMe(settings, { name: 'Dana Lead', aliases: ['DANA@acme.test', '557058:d0'] }).me,
    ).toEqual({ name: 'Dana Lead', aliases: ['dana@acme.test', '557058:d0'] });
  });
});

describe('the address shape in Copy details', () => {
  it('keeps only the tool’s own words of the path: ids, names and query values become placeholders', () => {
    expect(
      urlShape(new URL('https://acme.atlassian.net/browse/PAY-142?focusedCommentId=9#x'), 'jira'),
    ).toBe('https://acme.atlassian.net/browse/:id?focusedCommentId=:value');
    expect(
      urlShape(new URL('https://www.figma.com/design/Fk1Checkout/Checkout-flow'), 'figma'),
    ).toBe('https://www.figma.com/design/:id/:id');
    expect(urlShape(new URL('https://github.com/acme/pay/issues/12'), 'github')).toBe(
      'https://github.com/:id/:id/issues/:id',
    );
  });

  it('a lower-case user name, workspace or page title in the path never survives', () => {
    expect(urlShape(new URL('https://github.com/alice/notes/pull/7'), 'github')).toBe(
      'https://github.com/:id/:id/pull/:id',
    );
    expect(urlShape(new URL('https://linear.app/acme/issue/PAY-1/fix-bob-login'), 'linear')).toBe(
      'https://linear.app/:id/issue/:id/:id',
    );
    expect(
      urlShape(
        new URL('https://acme.atlassian.net/wiki/spaces/erin/pages/123/erins+plan'),
        'confluence',
      ),
    ).toBe('https://acme.atlassian.net/wiki/spaces/:id/pages/:id/:id');
    expect(urlShape(new URL('https://wiki.acme.test/people/erin'), 'custom')).toBe(
      'https://wiki.acme.test/:id/:id',
    );
  });
});

describe('pause', () => {
  const now = new Date(2026, 10, 29, 14, 30);
  it('1 hour, until tomorrow (local midnight), until resumed; said as a lead reads it', () => {
    expect(pauseEnd('hour', now)).toBe(new Date(2026, 10, 29, 15, 30).toISOString());
    expect(pauseEnd('tomorrow', now)).toBe(new Date(2026, 10, 30).toISOString());
    expect(pauseEnd('resumed', now)).toBeNull();
    expect(describePauseEnd(null, now)).toBe('until you resume');
    expect(describePauseEnd(new Date(2026, 10, 30).toISOString(), now)).toMatch(/^until tomorrow /);
  });

  it('a pause past its end is no longer in force', () => {
    const pause = { since: now.toISOString(), until: new Date(now.getTime() + 1000).toISOString() };
    expect(activePause(pause, now)).toBe(pause);
    expect(activePause(pause, new Date(now.getTime() + 1000))).toBeNull();
    expect(
      activePause({ since: now.toISOString(), until: null }, new Date(2030, 0, 1)),
    ).not.toBeNull();
  });

  it('bad ends get a clear message', () => {
    expect(() => checkPauseUntil('soon', now)).toThrow(/date and time, or when you resume/);
    expect(() => checkPauseUntil(new Date(now.getTime() - 1).toISOString(), now)).toThrow(
      /must end in the future/,
    );
    expect(() =>
      checkPauseUntil(new Date(now.getTime() + 3 * 86_400_000).toISOString(), now),
    ).toThrow(/at most two days/);
    expect(checkPauseUntil(null, now)).toBeNull();
  });
});
