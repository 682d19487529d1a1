import { describe, expect, it, test } from 'vitest';
import { claimFor, matchOwner, normalizeIdentity } from '@/utils/people/roster';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/records';

const alice = { id: 'alice', name: 'Alice Chen', aliases: ['alice@acme.test', '557058:a1'] };
const bob = { id: 'bob', name: 'Bob Okafor', aliases: ['bob@acme.test'] };

function settings(overrides: Partial<Pick<Settings, 'me' | 'reports'>> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    me: { name: 'Dana Lead', aliases: ['dana@acme.test', '557058:d0'] },
    reports: [alice, bob],
    ...overrides,
  };
}

describe('normalizeIdentity', () => {
  it('trims, lowercases and collapses inner whitespace (spaces, tabs, newlines)', () => {
    expect(normalizeIdentity('  Alice  CHEN ')).toBe('alice chen');
    expect(normalizeIdentity('Alice\t\n Chen')).toBe('alice chen');
    expect(normalizeIdentity('   ')).toBe('');
  });
});

describe('matchOwner', () => {
  it('matches a report by name regardless of case, padding and inner spacing', () => {
    const match = matchOwner(settings(), ['  aLiCe \n  chen  ']);
    expect(match).toEqual({ kind: 'report', report: alice });
  });

  it('matches a report by an email alias, case-insensitively', () => {
    expect(matchOwner(settings(), ['BOB@ACME.TEST'])).toEqual({ kind: 'report', report: bob });
  });

  it('matches a report by account id alone when the display name differs', () => {
    const match = matchOwner(settings(), ['Alice C. (Payments)', '557058:a1']);
    expect(match).toEqual({ kind: 'report', report: alice });
  });

  it('matches when the roster entry itself has odd spacing and case', () => {
    const spaced = { id: 'carl', name: '  CARL   Jung ', aliases: ['  Carl@Acme.Test  '] };
    const s = settings({ reports: [spaced] });
    expect(matchOwner(s, ['carl jung'])).toEqual({ kind: 'report', report: spaced });
    expect(matchOwner(s, ['carl@acme.test'])).toEqual({ kind: 'report', report: spaced });
  });

  it('picks the report whose identity matches, not the first report', () => {
    const match = matchOwner(settings(), ['Bob Okafor']);
    expect(match.kind === 'report' && match.report.id).toBe('bob');
  });

  it('recognises my own work by name or alias', () => {
    expect(matchOwner(settings(), ['dana lead'])).toEqual({ kind: 'me' });
    expect(matchOwner(settings(), ['Someone', 'DANA@acme.test'])).toEqual({ kind: 'me' });
    expect(matchOwner(settings(), ['557058:d0'])).toEqual({ kind: 'me' });
  });

  it('lets "me" win over a report who shares an alias with me', () => {
    const sharing = { id: 'eve', name: 'Eve Report', aliases: ['team-lead@acme.test'] };
    const s = settings({
      me: { name: 'Dana Lead', aliases: ['team-lead@acme.test'] },
      reports: [sharing],
    });
    expect(matchOwner(s, ['Team-Lead@acme.test'])).toEqual({ kind: 'me' });
    // The report is still recognised by her own name.
    expect(matchOwner(s, ['Eve Report'])).toEqual({ kind: 'report', report: sharing });
  });

  it("counts the tool's viewer identity (Jira /myself) as me even when settings do not list it", () => {
    const s = settings({ me: { name: '', aliases: [] } });
    const viewer = ['Dana L.', 'dana.l@other.test', '557058:zz'];
    expect(matchOwner(s, ['557058:ZZ'], viewer)).toEqual({ kind: 'me' });
    expect(matchOwner(s, ['  dana   l. '], viewer)).toEqual({ kind: 'me' });
  });

  it('treats the viewer as me even when the owner is also listed as a report', () => {
    // A lead whose Jira account appears in the roster by mistake is never prompted on their own ticket.
    const s = settings({ me: { name: '', aliases: [] } });
    expect(matchOwner(s, ['557058:a1'], ['557058:a1'])).toEqual({ kind: 'me' });
  });

  it('does not treat a viewer identity as matching a different owner', () => {
    expect(matchOwner(settings(), ['alice@acme.test'], ['Dana Lead', 'dana@acme.test'])).toEqual({
      kind: 'report',
      report: alice,
    });
  });

  it('says nobody for an empty owner, even when my name is empty too', () => {
    expect(matchOwner(settings(), [])).toEqual({ kind: 'nobody' });
    expect(matchOwner(settings(), ['', '   '])).toEqual({ kind: 'nobody' });
    const blankMe = settings({ me: { name: '', aliases: [''] } });
    expect(matchOwner(blankMe, ['  '], ['  '])).toEqual({ kind: 'nobody' });
  });

  it('does not let an empty alias in the roster match an empty owner string', () => {
    const s = settings({ reports: [{ id: 'x', name: 'X Person', aliases: ['', '  '] }] });
    expect(matchOwner(s, ['', ' '])).toEqual({ kind: 'nobody' });
  });

  it('says nobody for someone who is neither me nor a report', () => {
    expect(matchOwner(settings(), ['Carol Peer', 'carol@acme.test', '557058:c3'])).toEqual({
      kind: 'nobody',
    });
  });

  it('does not match on a partial name', () => {
    expect(matchOwner(settings(), ['Alice'])).toEqual({ kind: 'nobody' });
    expect(matchOwner(settings(), ['alice@acme'])).toEqual({ kind: 'nobody' });
  });
});

describe('claims made before a tool moved', () => {
  const claim = (urlPrefix: string) => ({
    id: 'c1',
    urlPrefix,
    reportId: 'bob',
    label: 'Hiring plan — Notion',
    createdAt: '2026-05-01T10:00:00.000Z',
  });
  const NEW = 'https://app.notion.com/p/1a2b3c4d5e6f708192a3b4c5d6e7f801';

  test('a Notion page claimed on www.notion.so still matches at its app.notion.com address', () => {
    for (const old of [
      'https://www.notion.so/acme/Hiring-plan-1a2b3c4d5e6f708192a3b4c5d6e7f801',
      'https://www.notion.so/1a2b3c4d5e6f708192a3b4c5d6e7f801',
      'https://notion.so/acme/1A2B3C4D5E6F708192A3B4C5D6E7F801?pvs=4',
    ]) {
      expect(claimFor([claim(old)], NEW), old).toMatchObject({ reportId: 'bob' });
    }
  });

  test('another page, or a whole old workspace, does not match (the new addresses name no workspace)', () => {
    expect(
      claimFor([claim('https://www.notion.so/acme/Other-ffffffffffffffffffffffffffffffff')], NEW),
    ).toBeNull();
    expect(claimFor([claim('https://www.notion.so/acme/')], NEW)).toBeNull();
  });
});
