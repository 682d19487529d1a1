import { describe, expect, it } from 'vitest';
import { spokenDuration } from '@/utils/reports/spoken-duration';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('spokenDuration: durations as a person writes them', () => {
  it.each([
    [8 * S, 'less than a minute'],
    [70 * S, 'about a minute'],
    [8 * MIN, 'about 8 minutes'],
    [23 * MIN, 'about 25 minutes'],
    [58 * MIN, 'about an hour'],
    [2 * H + 20 * MIN, 'about 2 and a half hours'],
    [3 * H, 'about 3 hours'],
    [26 * H, 'about a day'],
    [50 * H, 'about 2 days'],
    [-5, 'a moment'],
    [Number.NaN, 'a moment'],
  ])('%d ms reads "%s"', (ms, words) => {
    expect(spokenDuration(ms)).toBe(words);
  });
});
