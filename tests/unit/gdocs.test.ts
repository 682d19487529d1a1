// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { docsMode, gdocs, gdocsDocument, surfaces } from '@/utils/sites/gdocs';
import { surfaceKindOf } from '@/utils/sites/types';
import { adapterFor } from '@/utils/sites/registry';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/gdocs/document.html'), 'utf8');
const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
const docUrl = `https://docs.google.com/document/d/${ID}/edit`;
const canonical = `https://docs.google.com/document/d/${ID}/`;

beforeAll(() => {
  // The fixture's text event iframe loads about:blank (its document is stood in for below, see frameBody).
  (window as any).happyDOM.settings.enableIframePageLoading = true;
});
beforeEach(() => {
  (window as any).happyDOM.setURL(docUrl);
  document.body.innerHTML = fixture;
  document.title = 'Q3 plan - Google Docs';
});
afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

const q = (selector: string) => document.querySelector(selector)!;

/**
 * The text event frame's document, as the page writes it: a contentEditable
 * body. happy-dom loads no frames, so the frame's document is a detached one
 * whose window names the fixture's iframe as its frame element, as in Chromium.
 */
function frameBody(frameSelector = 'iframe.docs-texteventtarget-iframe'): HTMLElement {
  const frameDoc = document.implementation.createHTMLDocument('');
  frameDoc.body.setAttribute('contenteditable', 'true');
  Object.defineProperty(frameDoc, 'defaultView', {
    value: { frameElement: document.querySelector(frameSelector) },
  });
  return frameDoc.body;
}

function setMode(mode: 'edit' | 'suggest' | 'view') {
  const label = { edit: 'Editing', suggest: 'Suggesting', view: 'Viewing' }[mode];
  const sw = q('#docs-toolbar-mode-switcher');
  sw.className = `goog-toolbar-menu-button ${mode}-mode`;
  sw.setAttribute('aria-label', `${label} mode`);
  sw.setAttribute('data-tooltip', `${label} mode`);
  sw.querySelector('.docs-icon-img')!.className = `docs-icon-img docs-icon-mode-${mode}`;
  sw.querySelector('.docs-toolbar-mode-switcher-caption')!.textContent = label;
}

describe('gdocsDocument', () => {
  it('reads the id and gives one canonical URL (no account index, /edit or anchor)', () => {
    for (const url of [
      docUrl,
      `https://docs.google.com/document/d/${ID}`,
      `https://docs.google.com/document/d/${ID}/edit?tab=t.0#heading=h.abc`,
      `https://docs.google.com/document/u/1/d/${ID}/edit`,
      `https://docs.google.com/document/d/${ID}/preview`,
    ]) {
      expect(gdocsDocument(new URL(url)), url).toEqual({ key: ID, url: canonical });
    }
  });

  it('returns null for other pages and other Google editors', () => {
    for (const url of [
      'https://docs.google.com/document/',
      'https://docs.google.com/document/u/0/',
      `https://docs.google.com/document/d/e/2PACX-${ID}/pub`,
      `https://docs.google.com/spreadsheets/d/${ID}/edit`,
      'https://docs.google.com/document/d/short/edit',
      `https://docs.google.com/document/d/${ID}%3Cb%3E/edit`,
      `https://docs.google.com.evil.example/document/d/${ID}/edit`,
    ]) {
      expect(gdocsDocument(new URL(url)), url).toBeNull();
    }
  });

  it('applies to Docs only, and the registry finds the adapter', () => {
    expect(gdocs.appliesTo(new URL(`https://docs.google.com/spreadsheets/d/${ID}/edit`))).toBe(
      false,
    );
    expect(adapterFor(new URL(docUrl))).toBe(gdocs);
  });
});

describe('artifact', () => {
  it('reads the title from the rename field’s value', () => {
    document.title = 'Stale - Google Docs';
    expect(gdocs.artifact(new URL(docUrl), document)).toEqual({
      key: ID,
      title: 'Q3 plan',
      url: canonical,
    });
  });

  it('falls back to the title label, then to the tab title', () => {
    q('input.docs-title-input').remove();
    q('#docs-title-input-label-inner').textContent = 'Q3 plan (label)';
    expect(gdocs.artifact(new URL(docUrl), document)?.title).toBe('Q3 plan (label)');
    q('#docs-title-input-label-inner').remove();
    expect(gdocs.artifact(new URL(docUrl), document)?.title).toBe('Q3 plan');
  });
});

describe('ownership', () => {
  it('names nobody (not null: a claim decides)', async () => {
    const artifact = gdocs.artifact(new URL(docUrl), document)!;
    await expect(
      gdocs.ownership(artifact, document, new AbortController().signal),
    ).resolves.toEqual({ owner: [], viewer: [] });
  });

  it('says when it cannot read the editing mode (suggestions may then prompt like edits)', async () => {
    q('#docs-toolbar-mode-switcher').remove();
    const artifact = gdocs.artifact(new URL(docUrl), document)!;
    await expect(
      gdocs.ownership(artifact, document, new AbortController().signal),
    ).resolves.toEqual({
      owner: [],
      viewer: [],
      unread: [
        'the editing mode (Editing, Suggesting, Viewing) could not be read: suggestions may prompt like edits',
      ],
    });
  });
});

describe('surfaces', () => {
  it('every row names what it is and the evidence it follows', () => {
    for (const s of surfaces) {
      expect(s.what, s.selector).not.toBe('');
      expect(s.evidence, s.selector).toMatch(/docs\/evidence\/gdocs\.md/);
      expect(() => document.querySelector(s.selector), s.selector).not.toThrow();
    }
  });

  it('the text event frame and the title are content; the comment draft is conversation; Docs has no planning surface', () => {
    expect(surfaceKindOf(q('iframe.docs-texteventtarget-iframe'), surfaces)).toBe('content');
    expect(surfaceKindOf(q('input.docs-title-input'), surfaces)).toBe('content');
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div contenteditable="true" role="textbox" aria-label="Comment draft" id="draft"></div>',
    );
    expect(surfaceKindOf(q('#draft'), surfaces)).toBe('conversation');
    expect(gdocs.isContentEditor(q('#draft'))).toBe(false);
    expect(surfaces.filter((s) => s.kind === 'planning')).toEqual([]);
  });
});

describe('docsMode', () => {
  it('reads the mode from the switcher: its class, label, icon or caption', () => {
    expect(docsMode(document)).toBe('editing');
    setMode('suggest');
    expect(docsMode(document)).toBe('suggesting');
    setMode('view');
    expect(docsMode(document)).toBe('viewing');

    const sw = q('#docs-toolbar-mode-switcher');
    sw.className = 'goog-toolbar-menu-button';
    sw.setAttribute('aria-label', 'Mode');
    sw.removeAttribute('data-tooltip');
    expect(docsMode(document)).toBe('viewing'); // by its icon
    sw.querySelector('.docs-icon-img')!.className = 'docs-icon-img';
    sw.querySelector('.docs-toolbar-mode-switcher-caption')!.textContent = 'Suggesting';
    expect(docsMode(document)).toBe('suggesting'); // by its caption
    sw.remove();
    expect(docsMode(document)).toBeNull();
  });
});

describe('isContentEditor', () => {
  it('typing in the text event frame is an edit in editing mode', () => {
    expect(gdocs.editFrames).toContain('iframe.docs-texteventtarget-iframe');
    expect(gdocs.isContentEditor(frameBody())).toBe(true);
  });

  it('suggesting and viewing are not edits', () => {
    setMode('suggest');
    expect(gdocs.isContentEditor(frameBody())).toBe(false);
    expect(gdocs.isContentEditor(q('input.docs-title-input'))).toBe(false);
    setMode('view');
    expect(gdocs.isContentEditor(frameBody())).toBe(false);
  });

  it('when the mode cannot be told, typing counts as editing', () => {
    q('#docs-toolbar-mode-switcher').remove();
    expect(gdocs.isContentEditor(frameBody())).toBe(true);
  });

  it('the comment composer is conversation', () => {
    expect(gdocs.isContentEditor(q('.docos-input-textarea'))).toBe(false);
    q('.docos-anchoreddocoview').insertAdjacentHTML(
      'beforeend',
      '<div class="docos-input-contenteditable" contenteditable="true" role="textbox" id="c"></div>',
    );
    expect(gdocs.isContentEditor(q('#c'))).toBe(false);
  });

  it('the title field is content; other frames and inputs are not', () => {
    expect(gdocs.isContentEditor(q('input.docs-title-input'))).toBe(true);
    document.body.insertAdjacentHTML(
      'beforeend',
      '<iframe class="other-frame"></iframe><input id="find" class="docs-findinput-input" />',
    );
    expect(gdocs.isContentEditor(frameBody('iframe.other-frame'))).toBe(false);
    expect(gdocs.isContentEditor(q('#find'))).toBe(false);
    expect(gdocs.isContentEditor(q('.kix-appview-editor'))).toBe(false); // not itself editable
  });
});
