import type { Claim, Person, Report, Settings } from '@/utils/model/records';
import { currentAddressOf } from '@/utils/sites/moved-addresses';

/**
 * Who a tool says owns an artifact, as the strings the tool shows:
 * display name, email, account id, handle. Any one of them may be missing.
 */
export type Identity = string[];

export type RosterMatch = { kind: 'me' } | { kind: 'report'; report: Report } | { kind: 'nobody' };

/** Case-insensitive, trimmed, inner whitespace collapsed: "  Alice  CHEN " is "alice chen". */
export function normalizeIdentity(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

function personKeys(person: Person): Set<string> {
  return new Set([person.name, ...person.aliases].map(normalizeIdentity).filter(Boolean));
}

function overlaps(keys: Set<string>, identity: Identity): boolean {
  return identity.some((value) => keys.has(normalizeIdentity(value)));
}

/**
 * Decides whose work an artifact is. "Me" wins over a report so a lead who
 * shares an alias with a report is never prompted on their own work; the
 * tool's own idea of the viewer (Jira's /myself) counts as me as well.
 */
export function matchOwner(
  settings: Settings,
  owner: Identity,
  viewer: Identity = [],
): RosterMatch {
  const ownerKeys = owner.map(normalizeIdentity).filter(Boolean);
  if (ownerKeys.length === 0) return { kind: 'nobody' };
  if (overlaps(personKeys(settings.me), ownerKeys)) return { kind: 'me' };
  const viewerKeys = new Set(viewer.map(normalizeIdentity).filter(Boolean));
  if (ownerKeys.some((k) => viewerKeys.has(k))) return { kind: 'me' };
  const report = settings.reports.find((r) => overlaps(personKeys(r), ownerKeys));
  return report ? { kind: 'report', report } : { kind: 'nobody' };
}

/** The claim that covers a URL: the longest matching prefix wins (a file's claim beats its project's). */
export function claimFor(claims: readonly Claim[], url: string): Claim | null {
  let best: Claim | null = null;
  for (const claim of claims) {
    const matches =
      url.startsWith(claim.urlPrefix) || url.startsWith(currentAddressOf(claim.urlPrefix));
    if (matches && (!best || claim.urlPrefix.length > best.urlPrefix.length)) best = claim;
  }
  return best;
}

/** Report id -> name, for the roster and for former reports whose history was kept. */
export function reportNameMap(
  settings: Pick<Settings, 'reports' | 'formerReports'>,
): Map<string, string> {
  return new Map(
    [...(settings.formerReports ?? []), ...settings.reports].map((r) => [r.id, r.name]),
  );
}
