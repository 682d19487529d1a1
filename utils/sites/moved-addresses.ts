/**
 * Addresses a tool has moved away from, read as where the same item lives now.
 * Claims keep the address the lead made them on (storage, backups, sync); a
 * claim made before a tool moved still names the same page through this.
 *
 * Notion: pages moved from www.notion.so/<workspace>/<Title>-<id> to
 * app.notion.com/p/<id> in June 2026 (docs/evidence/notion.md). A claim on a
 * whole workspace (www.notion.so/acme/) has no new address (the new ones name
 * no workspace), so it stays as it was, no longer matches, and the options page
 * offers to re-point it (`oldNotionWorkspace`, utils/model/tools.ts).
 */
const OLD_NOTION_PAGE =
  /^https:\/\/(?:www\.)?notion\.so\/(?:[^/?#]+\/)?(?:[^/?#]*-)?([0-9a-f]{32})(?:[/?#].*)?$/i;

export function currentAddressOf(url: string): string {
  const notion = OLD_NOTION_PAGE.exec(url);
  if (notion) return `https://app.notion.com/p/${notion[1]!.toLowerCase()}`;
  return url;
}
