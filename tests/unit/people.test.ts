/** Roster text made into people the same way everywhere (options, welcome, the popup's "Add"). */
import { describe, expect, it } from 'vitest';
import { parseAliases, slugId } from '@/utils/people/people';

describe('roster text', () => {
  it('reads aliases one per line or comma-separated, dropping blanks and repeats', () => {
    expect(parseAliases('erin@acme.io, @erin\n\n  erin@acme.io \n557058:abc')).toEqual([
      'erin@acme.io',
      '@erin',
      '557058:abc',
    ]);
  });

  it('makes one readable id for a name, bounded, unique among the ids taken', () => {
    const long = 'Maximiliana Alexandrina Konstantinopoulou-Vanderbilt de la Cruz y Montenegro';
    const id = slugId(long, new Set());
    expect(id.length).toBeLessThanOrEqual(60);
    expect(slugId(long, new Set([id]))).toBe(`${id}-2`);
    expect(slugId('Erin Park', new Set())).toBe('erin-park');
    expect(slugId('李小龍', new Set())).toBe('report');
  });
});
