// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notion, notionPage, surfaces } from '@/utils/sites/notion';
import { surfaceKindOf } from '@/utils/sites/types';
import { adapterFor } from '@/utils/sites/registry';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/notion/page.html'), 'utf8');
const ID = '8f3a2b1c4d5e6f708192a3b4c5d6e7f8';
const DASHED = '8f3a2b1c-4d5e-6f70-8192-a3b4c5d6e7f8';
const ROW = '0123456789abcdef0123456789abcdef';
// Notion serves its app from app.notion.com since June 2026 (docs/evidence/notion.md, Addresses).
const pageUrl = `https://app.notion.com/p/Onboarding-guide-${ID}`;
const canonical = (id: string) => `https://app.notion.com/p/${id}`;
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
  setUrl(`https://app.notion.com/p/Tasks-${ID}?v=aaaabbbbccccddddeeeeffff00001111&p=${ROW}&pm=s`);
  const peek = document.createElement('div');
  peek.className = 'notion-peek-renderer';
  peek.append(q('.notion-frame .notion-scroller').cloneNode(true));
  q('.fixture-title', peek).textContent = title;
  q('.fixture-created-by', peek).remove();
  q('.notion-overlay-container').append(peek);
  return peek;
}

describe('notionPage', () => {
  it('reads the id from the end of an app.notion.com path (dashes removed, lower case); one canonical URL', () => {
    for (const url of [
      pageUrl,
      `https://app.notion.com/p/${ID}`,
      `https://app.notion.com/p/Renamed-page-${ID}?pvs=4`,
      `https://app.notion.com/p/Onboarding-guide-${ID.toUpperCase()}`,
      `https://app.notion.com/p/${DASHED}`,
      `https://app.notion.com/p/Onboarding-guide-${ID}#section`,
    ]) {
      expect(notionPage(new URL(url)), url).toEqual(
        expect.objectContaining({ key: ID, url: canonical(ID), peek: false }),
      );
    }
  });

  it('still reads the old www.notion.so addresses (they redirect to app.notion.com), with the same canonical URL', () => {
    for (const url of [
      `https://www.notion.so/acme/Onboarding-guide-${ID}`,
      `https://www.notion.so/acme/${ID}`,
      `https://www.notion.so/acme/Renamed-page-${ID}?pvs=4`,
      `https://www.notion.so/acme/${DASHED}`,
      `https://notion.so/acme/Onboarding-guide-${ID}#section`,
      `https://www.notion.so/Onboarding-guide-${ID}`,
      `https://www.notion.so/${ID}`,
    ]) {
      expect(notionPage(new URL(url)), url).toEqual(
        expect.objectContaining({ key: ID, url: canonical(ID), peek: false }),
      );
    }
  });

  it('a peek (?p=) is the page being edited, with the same canonical URL as its own page', () => {
    const peek = notionPage(
      new URL(
        `https://app.notion.com/p/Tasks-${ID}?v=aaaabbbbccccddddeeeeffff00001111&p=${ROW}&pm=s`,
      ),
    );
    expect(peek).toEqual(expect.objectContaining({ key: ROW, url: canonical(ROW), peek: true }));
    expect(notionPage(new URL(`https://app.notion.com/p/Fix-login-${ROW}`))?.url).toBe(peek!.url);
    expect(notionPage(new URL(`https://www.notion.so/acme/Tasks-${ID}?p=${ROW}&pm=s`))?.url).toBe(
      peek!.url,
    );
  });

  it('returns null for pages that are not a page, and for garbage', () => {
    for (const url of [
      'https://app.notion.com/',
      'https://app.notion.com/login',
      'https://www.notion.so/acme',
      'https://www.notion.so/login',
      'https://app.notion.com/p/Page-123',
      `https://app.notion.com/p/Page-${ID.slice(1)}`,
      `https://app.notion.com/p/Page-${ID}x`,
      `https://app.notion.com/p/x?p=%3Cscript%3E`,
      `https://acme.notion.site/Onboarding-guide-${ID}`,
      `https://app.notion.com.evil.example/p/Onboarding-guide-${ID}`,
      `https://www.notion.so.evil.example/acme/Onboarding-guide-${ID}`,
      `http://app.notion.com/p/Onboarding-guide-${ID}`,
    ]) {
      expect(notionPage(new URL(url)), url).toBeNull();
    }
  });

  it('the registry finds the adapter on both hosts, and the content script matches both', () => {
    expect(adapterFor(new URL(pageUrl))).toBe(notion);
    expect(adapterFor(new URL(`https://www.notion.so/acme/Onboarding-guide-${ID}`))).toBe(notion);
    expect(notion.matches).toEqual(
      expect.arrayContaining(['https://app.notion.com/*', 'https://www.notion.so/*']),
    );
  });
});

describe('artifact', () => {
  it('reads the title from the title block', () => {
    document.title = 'Something else';
    expect(notion.artifact(new URL(pageUrl), document)).toEqual({
      key: ID,
      title: 'Onboarding guide',
      url: canonical(ID),
    });
  });

  it('in a peek, reads the peek’s title, not the page behind it', () => {
    openPeek('Fix login bug');
    expect(notion.artifact(new URL(document.location.href), document)).toEqual({
      key: ROW,
      title: 'Fix login bug',
      url: canonical(ROW),
    });
  });

  it('falls back to the tab title, then the topbar breadcrumb, then to the URL’s slug', () => {
    q('.notion-page-block').remove();
    expect(notion.artifact(new URL(pageUrl), document)?.title).toBe('Onboarding guide');
    document.title = '';
    q('.fixture-breadcrumb').textContent = 'Onboarding (breadcrumb)';
    expect(notion.artifact(new URL(pageUrl), document)?.title).toBe('Onboarding (breadcrumb)');
    q('.notion-topbar').remove();
    expect(
      notion.artifact(new URL(`https://app.notion.com/p/Team-handbook-${ID}`), document)?.title,
    ).toBe('Team handbook');
  });

  it('reads a title named only by its role description (toggl, 2026-03)', () => {
    q('.notion-page-block').innerHTML = '<h1 aria-roledescription="page title">Renamed guide</h1>';
    expect(notion.artifact(new URL(pageUrl), document)?.title).toBe('Renamed guide');
  });
});

describe('ownership', () => {
  it('is the "Created by" property when shown', async () => {
    const artifact = notion.artifact(new URL(pageUrl), document)!;
    await expect(notion.ownership(artifact, document, signal())).resolves.toEqual({
      owner: ['Alice Chen'],
      viewer: [],
    });
  });

  it('is nobody, not null, when the page shows no creator (a claim decides)', async () => {
    q('.fixture-created-by').remove();
    const artifact = notion.artifact(new URL(pageUrl), document)!;
    await expect(notion.ownership(artifact, document, signal())).resolves.toEqual({
      owner: [],
      viewer: [],
    });
  });

  it('in a peek, only the peek’s properties count', async () => {
    openPeek('Fix login bug');
    const artifact = notion.artifact(new URL(document.location.href), document)!;
    await expect(notion.ownership(artifact, document, signal())).resolves.toEqual({
      owner: [],
      viewer: [],
    });
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
    q('.notion-page-content').insertAdjacentHTML(
      'beforeend',
      '<div role="dialog"><div contenteditable="true" id="c" aria-label="Add a comment…"></div></div>',
    );
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

describe('surfaces', () => {
  it('every row names what it is and the evidence it follows', () => {
    for (const s of surfaces) {
      expect(s.what, s.selector).not.toBe('');
      expect(s.evidence, s.selector).toMatch(/notion\.md/);
      expect(() => document.querySelector(s.selector), s.selector).not.toThrow();
    }
  });

  it('blocks (every type) and the title are content', () => {
    expect(
      document.querySelectorAll(
        '.notion-page-content [data-content-editable-leaf="true"][contenteditable="true"]',
      ).length,
    ).toBe(3);
    for (const el of document.querySelectorAll(
      '.notion-page-content [data-content-editable-leaf="true"][contenteditable="true"]',
    )) {
      expect(surfaceKindOf(el, surfaces), el.outerHTML).toBe('content');
    }
    expect(surfaceKindOf(q('.fixture-title'), surfaces)).toBe('content');
  });

  it('the page’s properties and a database’s cells inside the page are planning: never a prompt', () => {
    expect(surfaceKindOf(q('.fixture-status [contenteditable]'), surfaces)).toBe('planning');
    expect(notion.isContentEditor(q('.fixture-status [contenteditable]'))).toBe(false);
    q('.fixture-database').insertAdjacentHTML(
      'beforeend',
      '<div role="cell"><div id="cell" contenteditable="true">Done</div></div>',
    );
    expect(surfaceKindOf(q('#cell'), surfaces)).toBe('planning');
    expect(notion.isContentEditor(q('#cell'))).toBe(false);
  });

  it('the discussion is conversation; the sidebar and topbar are nothing', () => {
    expect(surfaceKindOf(q('.notion-discussion [contenteditable]'), surfaces)).toBe('conversation');
    expect(surfaceKindOf(q('.notion-sidebar'), surfaces)).toBeNull();
    expect(surfaceKindOf(q('.notion-topbar-share-menu'), surfaces)).toBeNull();
  });
});

describe('claims on a whole old Notion workspace', () => {
  it('are known by their workspace; a page’s old address and today’s addresses are not', async () => {
    const { oldNotionWorkspace } = await import('@/utils/model/tools');
    expect(oldNotionWorkspace('https://www.notion.so/acme/')).toBe('acme');
    expect(oldNotionWorkspace('https://notion.so/acme')).toBe('acme');
    expect(oldNotionWorkspace(`https://www.notion.so/acme/Plan-${'a'.repeat(32)}`)).toBeNull();
    expect(oldNotionWorkspace('https://app.notion.com/p/')).toBeNull();
    expect(oldNotionWorkspace('https://www.figma.com/design/')).toBeNull();
  });
});
