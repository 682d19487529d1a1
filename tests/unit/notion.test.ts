import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notion, notionPage } from '@/utils/sites/notion';
import { adapterFor } from '@/utils/sites/registry';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/notion/page.html'), 'utf8');
const ID = '8f3a2b1c4d5e6f708192a3b4c5d6e7f8';
const DASHED = '8f3a2b1c-4d5e-6f70-8192-a3b4c5d6e7f8';
const ROW = '0123456789abcdef0123456789abcdef';
const pageUrl = `https://www.notion.so/acme/Onboarding-guide-${ID}`;
const setUrl = (url: string) => (window as any).happyDOM.setURL(url);

beforeEach(() => {
  setUrl(pageUrl);
  document.body.innerHTML = fixture;
  document.title = 'Onboarding guide';
});
afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

const q = (selector: string, root: ParentNode = document) => root.querySelector(selector)!;
const signal = () => new AbortController().signal;

/** Opens a page in a side peek, as Notion does: the page's markup again, in the overlay. */
function openPeek(title: string) {
  setUrl(`https://www.notion.so/acme/Tasks-${ID}?v=aaaabbbbccccddddeeeeffff00001111&p=${ROW}&pm=s`);
  const peek = document.createElement('div');
  peek.className = 'notion-peek-renderer';
  peek.append(q('.notion-frame .notion-scroller').cloneNode(true));
  q('.fixture-title', peek).textContent = title;
  q('.fixture-created-by', peek).remove();
  q('.notion-overlay-container').append(peek);
  return peek;
}

describe('notionPage', () => {
  it('reads the id from the end of the path (dashes removed, lower case) and keeps the workspace', () => {
    const canonical = `https://www.notion.so/acme/${ID}`;
    for (const url of [
      pageUrl,
      `https://www.notion.so/acme/${ID}`,
      `https://www.notion.so/acme/Renamed-page-${ID}?pvs=4`,
      `https://www.notion.so/acme/Onboarding-guide-${ID.toUpperCase()}`,
      `https://www.notion.so/acme/${DASHED}`,
      `https://notion.so/acme/Onboarding-guide-${ID}#section`,
    ]) {
      expect(notionPage(new URL(url)), url).toEqual(expect.objectContaining({ key: ID, url: canonical, peek: false }));
    }
  });

  it('without a workspace in the path, the canonical URL has none', () => {
    expect(notionPage(new URL(`https://www.notion.so/Onboarding-guide-${ID}`))?.url).toBe(`https://www.notion.so/${ID}`);
    expect(notionPage(new URL(`https://www.notion.so/${ID}`))?.url).toBe(`https://www.notion.so/${ID}`);
  });

  it('a peek (?p=) is the page being edited, with the same canonical URL as its own page', () => {
    const peek = notionPage(new URL(`https://www.notion.so/acme/Tasks-${ID}?v=aaaabbbbccccddddeeeeffff00001111&p=${ROW}&pm=s`));
    expect(peek).toEqual(expect.objectContaining({ key: ROW, url: `https://www.notion.so/acme/${ROW}`, peek: true }));
    expect(notionPage(new URL(`https://www.notion.so/acme/Fix-login-${ROW}`))?.url).toBe(peek!.url);
  });

  it('returns null for pages that are not a page, and for garbage', () => {
    for (const url of [
      'https://www.notion.so/acme',
      'https://www.notion.so/login',
      'https://www.notion.so/acme/Page-123',
      `https://www.notion.so/acme/Page-${ID.slice(1)}`,
      `https://www.notion.so/acme/Page-${ID}x`,
      `https://www.notion.so/acme/x?p=%3Cscript%3E`,
      `https://acme.notion.site/Onboarding-guide-${ID}`,
      `https://www.notion.so.evil.example/acme/Onboarding-guide-${ID}`,
    ]) {
      expect(notionPage(new URL(url)), url).toBeNull();
    }
  });

  it('the registry finds the adapter', () => {
    expect(adapterFor(new URL(pageUrl))).toBe(notion);
  });
});

describe('artifact', () => {
  it('reads the title from the title block', () => {
    document.title = 'Something else';
    expect(notion.artifact(new URL(pageUrl), document)).toEqual({ key: ID, title: 'Onboarding guide', url: `https://www.notion.so/acme/${ID}` });
  });

  it('in a peek, reads the peek’s title, not the page behind it', () => {
    openPeek('Fix login bug');
    expect(notion.artifact(new URL(document.location.href), document)).toEqual({ key: ROW, title: 'Fix login bug', url: `https://www.notion.so/acme/${ROW}` });
  });

  it('falls back to the tab title, then to the URL’s slug', () => {
    q('.notion-page-block').remove();
    expect(notion.artifact(new URL(pageUrl), document)?.title).toBe('Onboarding guide');
    document.title = '';
    expect(notion.artifact(new URL(`https://www.notion.so/acme/Team-handbook-${ID}`), document)?.title).toBe('Team handbook');
  });
});

describe('ownership', () => {
  it('is the "Created by" property when shown', async () => {
    const artifact = notion.artifact(new URL(pageUrl), document)!;
    await expect(notion.ownership(artifact, document, signal())).resolves.toEqual({ owner: ['Alice Chen'], viewer: [] });
  });

  it('is nobody, not null, when the page shows no creator (a claim decides)', async () => {
    q('.fixture-created-by').remove();
    const artifact = notion.artifact(new URL(pageUrl), document)!;
    await expect(notion.ownership(artifact, document, signal())).resolves.toEqual({ owner: [], viewer: [] });
  });

  it('in a peek, only the peek’s properties count', async () => {
    openPeek('Fix login bug');
    const artifact = notion.artifact(new URL(document.location.href), document)!;
    await expect(notion.ownership(artifact, document, signal())).resolves.toEqual({ owner: [], viewer: [] });
  });
});

describe('isContentEditor', () => {
  it('blocks and the title are content', () => {
    expect(notion.isContentEditor(q('.fixture-first-block'))).toBe(true);
    expect(notion.isContentEditor(q('.notion-header-block [contenteditable]'))).toBe(true);
    expect(notion.isContentEditor(q('.notion-page-block h1'))).toBe(true);
  });

  it('discussions and comment composers are conversation', () => {
    expect(notion.isContentEditor(q('.notion-discussion [contenteditable]'))).toBe(false);
    // A margin comment's composer next to a block.
    q('.notion-text-block').insertAdjacentHTML(
      'beforeend',
      '<div class="notion-margin-discussion-item"><div contenteditable="true" id="margin" placeholder="Reply…"></div></div>',
    );
    expect(notion.isContentEditor(q('#margin'))).toBe(false);
    q('.notion-page-content').insertAdjacentHTML('beforeend', '<div role="dialog"><div contenteditable="true" id="c" aria-label="Add a comment…"></div></div>');
    expect(notion.isContentEditor(q('#c'))).toBe(false);
  });

  it('the sidebar and text that is not editable are not content', () => {
    q('.notion-sidebar').insertAdjacentHTML('beforeend', '<input id="search" type="search" />');
    expect(notion.isContentEditor(q('#search'))).toBe(false);
    expect(notion.isContentEditor(q('.notion-topbar'))).toBe(false);
    expect(notion.isContentEditor(q('.notion-page-content'))).toBe(false);
  });

  it('with a peek open, typing in the peek is content and typing behind it is not attributed to it', () => {
    const peek = openPeek('Fix login bug');
    expect(notion.isContentEditor(q('.fixture-first-block', peek))).toBe(true);
    expect(notion.isContentEditor(q('.notion-frame .fixture-first-block'))).toBe(false);
  });
});
