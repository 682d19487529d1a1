import { describe, expect, it } from 'vitest';
import { composeNote, handBackNote, unfinishedNote } from '@/utils/reports/handback';
import { intervention } from '@/tests/unit/helpers';

const record = (part: Partial<Parameters<typeof intervention>[0]> = {}) =>
  intervention({
    id: 'i1',
    artifact: {
      key: 'PAY-142',
      title: 'Refund flow',
      url: 'https://acme.atlassian.net/browse/PAY-142',
    },
    startedAt: '2026-11-24T10:00:00.000Z',
    endedAt: '2026-11-24T10:08:00.000Z',
    status: 'ended',
    ...part,
  });

/** Sentences a note holds (its closing line apart). */
const sentences = (note: string) => note.split('\n\n')[0]!.match(/[^.!?]+[.!?]/g) ?? [];

/** Tom's note, `now`, about his PAY-142 taken over and still open, planned to Thu 26 Nov 15:00 UTC. */
const openTakeoverNote = (now: string, part: Partial<Parameters<typeof intervention>[0]> = {}) =>
  composeNote(
    [
      record({
        kind: 'takeover',
        status: 'active',
        endedAt: null,
        plannedEndAt: '2026-11-26T15:00:00.000Z',
        ...part,
      }),
    ],
    'Tom Ng',
    { locale: 'en-GB', now: new Date(now) },
  );

describe('handBackNote: the hand-back template', () => {
  it('says what I stepped into and why, and that it is theirs again: no duration, no placeholder, no fixed closing phrase', () => {
    const note = handBackNote(record({ purpose: 'teach-framework' }), 'Alice Chen');
    expect(note).toBe(
      'Hi Alice, I stepped into PAY-142 (“Refund flow”) to show a way of making this kind of call. It is yours again: you make the calls from here.',
    );
    expect(note).not.toMatch(/\[|name it here|minute|\d+ (s|min|h)\b|too much|caught/i);
    expect(unfinishedNote(note)).toBeNull();
  });

  it('carries the framework in the lead’s words from Yes', () => {
    expect(
      handBackNote(
        record({ purpose: 'teach-framework', intent: 'RICE scoring for the backlog.' }),
        'Alice Chen',
      ),
    ).toContain('The framework I used: RICE scoring for the backlog.');
    expect(
      handBackNote(
        record({ purpose: 'back-on-track', intent: 'scope the refund to one currency' }),
        'Alice Chen',
      ),
    ).toContain('What I hope you take from it: scope the refund to one currency.');
  });

  it('follows the closing answers, in at most three sentences', () => {
    const held = handBackNote(
      record({
        intent: 'RICE',
        purpose: 'teach-framework',
        closing: { saidFramework: false, ownerNow: 'me', answeredAt: '' },
      }),
      'Alice Chen',
    );
    expect(held).toMatch(/RICE; let us take ten minutes on it this week\./);
    expect(held).toMatch(/stays with me a little longer/);
    expect(sentences(held)).toHaveLength(3);
    const notYet = handBackNote(
      record({ closing: { saidFramework: false, ownerNow: 'report', answeredAt: '' } }),
      'Alice Chen',
    );
    expect(notYet).toMatch(/ten minutes this week on the reasoning behind my changes/);
    expect(notYet).toMatch(/yours again/);
  });

  it('ends with the lead’s own closing line when they set one, and nothing else', () => {
    const note = handBackNote(record(), 'Alice Chen', { closingLine: '  Thanks, Dana ' });
    expect(note).toMatch(/from here\.\n\nThanks, Dana$/);
    expect(handBackNote(record(), 'Alice Chen')).toMatch(/from here\.$/);
  });
});

describe('the take-over template', () => {
  it('says what I took, why, and when it comes back (or that it is back)', () => {
    const open = openTakeoverNote('2026-11-26T12:00:00.000Z');
    expect(open).toMatch(
      /^Hi Tom, I took PAY-142 \(“Refund flow”\) over from you to get the direction back on track\. It comes back to you by Thu,? 26 Nov,? \d\d:00\.$/,
    );
    expect(open).not.toMatch(/not to take the work over|rather ask you than edit|minute/);
    expect(handBackNote(record({ kind: 'takeover' }), 'Tom Ng')).toMatch(
      /I took PAY-142 \(“Refund flow”\) over from you .*\. It is back with you: you make the calls from here\.$/,
    );
  });
});

describe('a take-over until it is done', () => {
  it('promises no date (its planned end is only the weekly reminder), even a week on', () => {
    const note = openTakeoverNote('2026-12-01T12:00:00.000Z', { plannedUntil: 'done' });
    expect(note).toMatch(
      /over from you to get the direction back on track\. It stays with me until it is done, and I will tell you when it is yours again\.$/,
    );
    expect(note).not.toMatch(/comes back to you by|Nov|agree when/);
  });
});

describe('an open take-over past its planned end', () => {
  it('promises no date already gone', () => {
    const note = openTakeoverNote('2026-11-27T09:00:00.000Z');
    expect(note).toMatch(/It is still with me, and we agree when it comes back\.$/);
    expect(note).not.toMatch(/by Thu/);
  });
});

describe('a note about several items (the weekly note)', () => {
  it('groups them in three sentences at most, keys only', () => {
    const note = composeNote(
      [
        record({ id: 'a', artifact: { key: 'PAY-1', title: 'One', url: 'u' } }),
        record({
          id: 'b',
          artifact: { key: 'PAY-2', title: 'Two', url: 'u' },
          intent: 'one currency',
        }),
        record({
          id: 'c',
          artifact: { key: 'PAY-3', title: 'Three', url: 'u' },
          kind: 'takeover',
          status: 'active',
          endedAt: null,
          plannedEndAt: '2026-11-26T15:00:00.000Z',
        }),
      ],
      'Alice Chen',
      { when: 'this week', locale: 'en-GB', now: new Date('2026-11-26T12:00:00.000Z') },
    );
    expect(note).toMatch(
      /^Hi Alice, this week I stepped into PAY-1 and PAY-2 to get the direction back on track, and took PAY-3 over from you to get the direction back on track\. What I hope you take from it: one currency\. PAY-1 and PAY-2 are yours again: you make the calls from here; PAY-3 comes back to you by Thu,? 26 Nov,? \d\d:00\.$/,
    );
    expect(sentences(note)).toHaveLength(3);
  });
});

describe('unfinishedNote', () => {
  it.each([
    ['', /empty/],
    ['The framework I used: [name it here].', /gap to fill: \[name it here\]/],
    ['Owner: [TBD]', /\[TBD\]/],
  ])('refuses %j', (text, reason) => {
    expect(unfinishedNote(text)).toMatch(reason);
  });

  it('lets ordinary brackets through', () => {
    expect(unfinishedNote('See the spec [v2] for the edge cases.')).toBeNull();
  });
});
