import { expect, test } from 'vitest';
import { normalizeIdentity } from '@/utils/roster';
test('normalize', () => expect(normalizeIdentity('  Alice  CHEN ')).toBe('alice chen'));
