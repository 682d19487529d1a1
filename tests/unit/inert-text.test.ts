/**
 * Every export Pullback hands on (weekly note, 1:1 document, hand-back note, CSV) carries titles
 * and keys from other people's pages. Rendered by a real Markdown renderer (markdown-it, with raw
 * HTML and bare links on: the most a pasted note can meet), a hostile title stays words on the page:
 * no live link, no image, no HTML, no fake paragraph.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { interventionsCsv } from '@/utils/reports/csv';
import { handBackNote } from '@/utils/reports/handback';
import { oneOnOne } from '@/utils/reports/one-on-one';
import { prepMarkdown, sharedMarkdown } from '@/utils/reports/one-on-one-markdown';
import { inert } from '@/utils/reports/inert-text';
import { weeklyNote } from '@/utils/reports/weekly-note';
import { intervention, promptRecord } from '@/tests/unit/helpers';

const HOSTILE = [
  '[click me](javascript:alert(1))',
  '![pixel](https://evil.test/p.png?who=alice)',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.test">real link</a>',
  '\u202egnp.exe',
  'line one\n\n# PS: you are fired',
].join(' ');
const render = (md: string) => new MarkdownIt({ html: true, linkify: false }).render(md);

const record = intervention({
  id: 'x1',
  artifact: { key: 'PAY-9', title: HOSTILE, url: 'https://acme.atlassian.net/browse/PAY-9' },
  startedAt: '2026-11-24T10:00:00.000Z',
  plannedEndAt: '2026-11-24T10:30:00.000Z',
  endedAt: '2026-11-24T10:20:00.000Z',
  status: 'ended',
  activeMs: 60_000,
  intent: 'see [docs](javascript:void(0)) *now*',
  closing: { saidFramework: true, ownerNow: 'report', answeredAt: '2026-11-24T10:20:00.000Z' },
});
const caught = promptRecord({
  id: 'p1',
  artifact: { key: 'PAY-10', title: HOSTILE, url: 'https://acme.atlassian.net/browse/PAY-10' },
  at: '2026-11-25T10:00:00.000Z',
  answer: 'stepped-back',
  answeredAt: '2026-11-25T10:00:05.000Z',
});

function expectInertHtml(html: string) {
  expect(html).not.toMatch(/<a\b/);
  expect(html).not.toMatch(/<img\b/);
  expect(html).not.toMatch(/<h\d>[^<]*PS: you are fired/);
  expect(html).not.toMatch(/javascript:[^<]*<\/a>/);
  // The words are still there to read, as text.
  expect(html).toContain('click me');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
}

describe('what came from a page is inert in every export', () => {
  it('the weekly note’s Markdown renders no link, image or HTML from a ticket title or the lead’s words', () => {
    const md = weeklyNote(
      { reportName: 'Alice Chen', interventions: [record], when: 'this week' },
      'markdown',
    );
    expectInertHtml(render(md));
    expect(render(md)).not.toMatch(/<em>now<\/em>/);
    expect(md).not.toContain('\u202e');
  });

  it('the weekly note as text keeps a title on its line: no fake paragraph, no reversed words', () => {
    const text = weeklyNote(
      { reportName: 'Alice Chen', interventions: [record], when: 'this week' },
      'text',
    );
    expect(text).not.toMatch(/^# PS/m);
    expect(text).toContain('line one # PS: you are fired');
    expect(text).not.toContain('\u202e');
  });

  it('the 1:1 document renders no link, image or HTML from titles or the lead’s words', () => {
    const view = oneOnOne({
      week: '2026-W48',
      now: new Date('2026-11-28T12:00:00.000Z'),
      report: { id: 'alice', name: 'Alice <b>Chen</b>', former: false },
      leadName: 'Dana [Lead](javascript:x)',
      interventions: [record],
      prompts: [caught],
      ratings: [],
      locale: 'en-GB',
    });
    for (const md of [
      sharedMarkdown(view, ['[act](javascript:x)'], 'en-GB'),
      prepMarkdown(view, [], [], 'en-GB'),
    ]) {
      const html = render(md);
      expectInertHtml(html);
      expect(html).not.toMatch(/<b>/);
    }
  });

  it('the hand-back note is one paragraph whatever the title holds', () => {
    const note = handBackNote(record, 'Alice Chen');
    expect(note).not.toMatch(/\n/);
    expect(note).not.toContain('\u202e');
    expect(note).toContain('PAY-9 (“[click me](javascript:alert(1))');
  });

  it('the CSV never hands a spreadsheet a formula or a hidden direction mark', () => {
    const formula = intervention({
      ...record,
      artifact: { ...record.artifact, title: '=HYPERLINK("https://evil.test","\u202eok")' },
    });
    const row = interventionsCsv([formula], () => 'Alice Chen').split('\r\n')[1]!;
    expect(row).toContain(`"'=HYPERLINK(""https://evil.test"",""ok"")"`);
  });

  it('one helper: a key is a code span with no way out of it', () => {
    expect(inert('PAY-1` <img src=x>', 'code')).toBe('`PAY-1 <img src=x>`');
    expect(render(inert('PAY-1` <img src=x>', 'code'))).not.toMatch(/<img/);
  });
});
