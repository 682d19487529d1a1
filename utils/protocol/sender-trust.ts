/**
 * How far the background trusts a content script: no further than it can
 * know. The browser tells it which page sent a message (the sender's tab);
 * a message's own claims (which tool, which address) must agree with that
 * page. A host page that drives the content script, or a compromised one,
 * cannot log an edit in another tool's name or store an address of its
 * choosing (javascript:, another site).
 */
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { CustomSite, ToolId } from '@/utils/model/records';
import { CUSTOM_TOOL, SITE_TOOLS } from '@/utils/model/tools';

export class UntrustedSenderError extends Error {}

const patterns = SITE_TOOLS.map((tool) => ({
  id: tool.id as ToolId,
  matches: tool.matches.map((m) => new MatchPattern(m)),
  // A tool's fixed hosts (not per-customer ones like *.atlassian.net): its items may live on any of them.
  ownOrigins: tool.matches
    .filter((m) => !m.includes('*.'))
    .map((m) => new URL(m.replace(/\*$/, '')).origin),
}));

/** The page that sent a message, as the browser reports it (the tab's address, else the frame's). */
export function senderPage(sender: { url?: string; tab?: { url?: string } }): URL | null {
  for (const candidate of [sender.tab?.url, sender.url]) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url;
    } catch {
      // Not an address: try the next one.
    }
  }
  return null;
}

/** The tools whose content script runs on this page: the supported tools' match patterns, and the lead's own sites. */
export function toolsServing(
  page: URL,
  customSites: readonly Pick<CustomSite, 'origin'>[],
): ToolId[] {
  // A string, not the URL: the library tests `instanceof Location`, which a service worker does not have.
  const tools = patterns
    .filter((t) => t.matches.some((m) => m.includes(page.href)))
    .map((t) => t.id);
  if (customSites.some((s) => s.origin === page.origin)) tools.push(CUSTOM_TOOL.id);
  return tools;
}

/** An artifact of `tool` lives on the page's origin, or, for a tool with fixed hosts, on another of them (Notion's app.notion.com for a page opened on notion.so). */
function artifactOriginAllowed(tool: ToolId, artifact: URL, page: URL): boolean {
  if (artifact.origin === page.origin) return true;
  const own = patterns.find((t) => t.id === tool);
  return !!own && own.ownOrigins.includes(page.origin) && own.ownOrigins.includes(artifact.origin);
}

/**
 * Throws unless the page that sent the message is served by `tool`, and the
 * artifact's address (when given) is http(s) on that page's origin or on the
 * tool's own hosts. The message says what was refused, for adapter health.
 */
export function assertSenderServes(
  sender: { url?: string; tab?: { url?: string } },
  claim: { tool: ToolId; artifactUrl?: string },
  customSites: readonly Pick<CustomSite, 'origin'>[],
): void {
  const page = senderPage(sender);
  if (!page)
    throw new UntrustedSenderError(
      'Refused: the message did not come from a web page Pullback serves.',
    );
  if (!toolsServing(page, customSites).includes(claim.tool)) {
    throw new UntrustedSenderError(
      `Refused: a page on ${page.origin} is not served by the ${claim.tool} adapter.`,
    );
  }
  if (claim.artifactUrl === undefined) return;
  let artifact: URL;
  try {
    artifact = new URL(claim.artifactUrl);
  } catch {
    throw new UntrustedSenderError('Refused: the item’s address is not a URL.');
  }
  if (artifact.protocol !== 'https:' && artifact.protocol !== 'http:') {
    throw new UntrustedSenderError(
      `Refused: the item’s address must be http(s), not ${artifact.protocol}`,
    );
  }
  if (!artifactOriginAllowed(claim.tool, artifact, page)) {
    throw new UntrustedSenderError(
      `Refused: the item’s address (${artifact.origin}) is not on the page’s origin (${page.origin}).`,
    );
  }
}
