/**
 * Turning what a tool says about a person into a roster entry: the popup's
 * "Add <name> as a report" and "This is me", and the welcome page's rows.
 */
import { LIMITS, type Person, type Report, type Settings } from '@/utils/model/records';
import { normalizeIdentity, type Identity } from '@/utils/people/roster';

/** Aliases are typed one per line or separated by commas; blanks and repeats dropped. */
export const parseAliases = (text: string) => [
  ...new Set(
    text
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** A roster id from a name, unique among `taken`: "Erin Park" -> "erin-park", then "erin-park-2". */
export function slugId(name: string, taken: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'report';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** E-mails, account ids ("557058:a1…", long hex/digits), handles ("@erin"): what is not a person's name. */
const looksLikeId = (value: string) => /@|^[\w-]*\d[\w:-]*$/.test(value) && !/\s/.test(value);

/**
 * The person a tool named, as Pullback keeps people: the display name (the
 * first identity that reads like a name) and every other identity as an alias.
 */
export function personFrom(identity: Identity): Person {
  // One value per person-key, as the tool first gave it ("Erin Park", not a later " erin  park").
  const byKey = new Map<string, string>();
  for (const v of identity.map((x) => x.trim()).filter(Boolean))
    if (!byKey.has(normalizeIdentity(v))) byKey.set(normalizeIdentity(v), v);
  const values = [...byKey.values()];
  const name = values.find((v) => !looksLikeId(v)) ?? values[0] ?? '';
  return {
    name: name.slice(0, LIMITS.nameLength),
    aliases: values.filter((v) => v !== name).slice(0, LIMITS.aliases),
  };
}

/** The name to show for an owner the tool named ("Erin Park"). */
export const displayNameOf = (identity: Identity) => personFrom(identity).name;

export function withReport(
  settings: Settings,
  person: Person,
): { settings: Settings; report: Report } {
  const report: Report = {
    id: slugId(person.name, new Set(settings.reports.map((r) => r.id))),
    ...person,
  };
  return { settings: { ...settings, reports: [...settings.reports, report] }, report };
}

/** "This is me": the tool's identities join my aliases (my name stays as I typed it, or becomes theirs). */
export function withMe(settings: Settings, person: Person): Settings {
  const name = settings.me.name || person.name;
  const known = new Set([name, ...settings.me.aliases].map(normalizeIdentity));
  const added = [person.name, ...person.aliases].filter((v) => !known.has(normalizeIdentity(v)));
  return {
    ...settings,
    me: { name, aliases: [...settings.me.aliases, ...added].slice(0, LIMITS.aliases) },
  };
}
