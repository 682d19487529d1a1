/** Turning the roster's text fields into records and back (pure; shared by the Me and Reports sections). */
import type { Person, Report } from '@/utils/model/records';

/** One alias per line (commas work too); blanks dropped. */
export const parseAliases = (text: string) => [
  ...new Set(
    text
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** A readable id from a name ("Erin Diaz" -> "erin-diaz"), unique among `taken`. */
export function slug(name: string, taken: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'report';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

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
