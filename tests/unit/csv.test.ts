import { describe, expect, it } from 'vitest';
import { CSV_HEADER, interventionsCsv } from '@/utils/reports/csv';
import { inert } from '@/utils/reports/inert-text';
import { intervention } from '@/tests/unit/helpers';

const HEADER =
  'id,report,tool,key,title,url,purpose,status,started_at,planned_end_at,ended_at,span_minutes,hands_on_minutes,ended_on_time,kind,planned_until';
const names: Record<string, string> = { alice: 'Alice Chen', bob: 'Okafor, Bob' };
const reportName = (id: string) => names[id] ?? 'a former report';

/** A minimal RFC 4180 reader, to check the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('interventionsCsv', () => {
  const onTime = intervention({
    id: 'a1',
    reportId: 'alice',
    artifact: {
      key: 'PAY-1',
      title: 'Checkout button',
      url: 'https://acme.atlassian.net/browse/PAY-1',
    },
    startedAt: '2026-11-23T09:00:00.000Z',
    plannedEndAt: '2026-11-23T09:15:00.000Z',
    endedAt: '2026-11-23T09:12:00.000Z',
    status: 'ended',
    activeMs: 10 * 60_000,
  });

  it('writes the header and one CRLF-terminated row per record', () => {
    const csv = interventionsCsv([onTime], reportName);
    expect(csv).toBe(
      `${HEADER}\r\n` +
        'a1,Alice Chen,jira,PAY-1,Checkout button,https://acme.atlassian.net/browse/PAY-1,back-on-track,ended,' +
        '2026-11-23T09:00:00.000Z,2026-11-23T09:15:00.000Z,2026-11-23T09:12:00.000Z,12,10,yes,edit,\r\n',
    );
  });

  it('says which are take-overs and how the plan ends; "until done" has no planned end', () => {
    const done = {
      ...onTime,
      id: 't1',
      kind: 'takeover' as const,
      plannedUntil: 'done' as const,
      plannedEndAt: '2026-11-30T09:00:00.000Z',
    };
    const rows = parseCsv(interventionsCsv([done], reportName));
    expect(rows[1]![9]).toBe(''); // planned_end_at: none, never the weekly reminder's time
    expect(rows[1]!.slice(-2)).toEqual(['takeover', 'done']);
  });

  it('writes only the header for no records', () => {
    expect(interventionsCsv([], reportName)).toBe(`${HEADER}\r\n`);
  });

  it('rounds minutes to one decimal and answers on time for ended, late and lapsed records', () => {
    const late = {
      ...onTime,
      id: 'a2',
      endedAt: '2026-11-23T09:45:30.000Z',
      activeMs: 20.5 * 60_000 + 1_000,
    };
    const lapsed = {
      ...onTime,
      id: 'a3',
      status: 'lapsed' as const,
      endedAt: '2026-11-23T09:10:00.000Z',
    };
    const rows = parseCsv(interventionsCsv([late, lapsed], reportName));
    expect(rows[1]!.slice(11, 14)).toEqual(['45.5', '20.5', 'no']);
    expect(rows[2]!.slice(11, 14)).toEqual(['10', '10', 'no']); // lapsed: closed by the lapse rule, not pulled back
  });

  it('leaves span and on-time empty for an active record, or spans it to `now` when given', () => {
    const active = { ...onTime, id: 'a4', endedAt: null, status: 'active' as const };
    expect(parseCsv(interventionsCsv([active], reportName))[1]!.slice(10, 14)).toEqual([
      '',
      '',
      '10',
      '',
    ]);
    const now = new Date('2026-11-23T10:30:00.000Z');
    expect(parseCsv(interventionsCsv([active], reportName, now))[1]!.slice(10, 14)).toEqual([
      '',
      '90',
      '10',
      '',
    ]);
  });

  it('names reports through the given function, former ones included', () => {
    const former = { ...onTime, id: 'z1', reportId: 'zed' };
    expect(parseCsv(interventionsCsv([former], reportName))[1]![1]).toBe('a former report');
  });

  it('quotes fields with commas, quotes and line breaks, doubling quotes, and round-trips', () => {
    const tricky = {
      ...onTime,
      reportId: 'bob',
      artifact: {
        key: 'o/r#12',
        title: 'Say "hello", then\r\nwave\nbye',
        url: 'https://github.com/o/r/pull/12?a=1,2',
      },
    };
    const csv = interventionsCsv([tricky], reportName);
    const line = csv.split('\r\n')[1]!;
    expect(line).toMatch(/^a1,"Okafor, Bob",jira,o\/r#12,"Say ""hello"", then\r?$/);
    expect(csv).toContain('"Say ""hello"", then\r\nwave\nbye"');
    expect(csv).toContain('"https://github.com/o/r/pull/12?a=1,2"');
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveLength(CSV_HEADER.length);
    expect(rows[1]![1]).toBe('Okafor, Bob');
    expect(rows[1]![4]).toBe('Say "hello", then\r\nwave\nbye');
  });

  it('guards against formula injection in every text field', () => {
    const hostile = {
      ...onTime,
      id: '=1+1',
      artifact: { key: '+SUM(A1)', title: '=HYPERLINK("https://evil.test","click")', url: '@evil' },
    };
    const rows = parseCsv(interventionsCsv([hostile], () => '-2+3'));
    expect(rows[1]!.slice(0, 6)).toEqual([
      "'=1+1",
      "'-2+3",
      'jira',
      "'+SUM(A1)",
      `'=HYPERLINK("https://evil.test","click")`,
      "'@evil",
    ]);
  });
});

describe('a CSV field (inert as csv)', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindent', "'\tindent"],
    ['\rstart', `"'\rstart"`],
    ['=A1,B1', `"'=A1,B1"`],
    ['="x"', `"'=""x"""`],
    ['a=b', 'a=b'],
    [' =not first', ' =not first'],
    ["'already", "'already"],
  ])('%j -> %j', (input, output) => {
    expect(inert(input, 'csv')).toBe(output);
  });

  it('writes numbers, null and undefined', () => {
    expect(inert(12.5, 'csv')).toBe('12.5');
    expect(inert(null, 'csv')).toBe('');
    expect(inert(undefined, 'csv')).toBe('');
  });
});
