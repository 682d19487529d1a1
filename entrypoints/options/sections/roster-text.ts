/** Turning the roster's text fields into records and back (pure; shared by the Me and Reports sections). */
import type { Person, Report } from '@/utils/model/records';
import { parseAliases } from '@/utils/people/people';

export { parseAliases };

/** Same person as stored, ignoring how the text fields are laid out (a trailing newline, spaces). */
export const samePerson = (a: Person, b: Person) =>
  a.name.trim() === b.name.trim() &&
  parseAliases(a.aliases.join('\n')).join('\n') === parseAliases(b.aliases.join('\n')).join('\n');

export type DraftReport = { key: string; id: string; name: string; aliases: string };

export const toDraft = (r: Report): DraftReport => ({
  key: r.id,
  id: r.id,
  name: r.name,
  aliases: r.aliases.join('\n'),
});
