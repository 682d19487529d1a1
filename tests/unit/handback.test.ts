import { describe, expect, it } from 'vitest';
import { handBackNote, unfinishedNote } from '@/utils/reports/handback';
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

describe('handBackNote', () => {
  it('says the duration as a person would and names no placeholder without the lead’s words', () => {
    const note = handBackNote(record({ purpose: 'teach-framework' }), 'Alice Chen');
    expect(note).toMatch(
      /^Hi Alice, I stepped into PAY-142 \(“Refund flow”\) for about 8 minutes\./,
    );
    expect(note).not.toMatch(/\[|name it here|8 s\b/);
    expect(unfinishedNote(note)).toBeNull();
  });

  it('uses the lead’s words from Yes as the framework, or as what the report should take from it', () => {
    expect(
      handBackNote(
        record({ purpose: 'teach-framework', intent: 'RICE scoring for the backlog.' }),
        'Alice Chen',
      ),
    ).toContain(
      'The framework I used, so you can apply it without me next time: RICE scoring for the backlog.',
    );
    expect(
      handBackNote(
        record({ purpose: 'back-on-track', intent: 'scope the refund to one currency' }),
        'Alice Chen',
      ),
    ).toContain('What I hope you take from it: scope the refund to one currency.');
  });

  it('changes with the closing answers and with a take-over', () => {
    const said = handBackNote(
      record({ closing: { saidFramework: true, ownerNow: 'me', answeredAt: '' } }),
      'Alice Chen',
    );
    expect(said).toMatch(/talked you through my reasoning/);
    expect(said).toMatch(/holding this detail/);
    const notYet = handBackNote(
      record({ closing: { saidFramework: false, ownerNow: 'report', answeredAt: '' } }),
      'Alice Chen',
    );
    expect(notYet).toMatch(/not walked you through my reasoning yet/);
    expect(notYet).toMatch(/yours again/);
    expect(handBackNote(record({ kind: 'takeover' }), 'Alice Chen')).toMatch(
      /I took PAY-142 \(“Refund flow”\) over from you for about 8 minutes/,
    );
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
