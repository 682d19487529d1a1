// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { figma, figmaFile, isFigmaEditingKey, surfaces } from '@/utils/sites/figma';
import { surfaceKindOf } from '@/utils/sites/types';
import { adapterFor } from '@/utils/sites/registry';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/figma/file.html'), 'utf8');
const KEY = 'OYkYP4pC9jwS7j2qafwmiv';
const BRANCH = 'm5vQUe1j796fuQ64nLwEei';
const fileUrl = `https://www.figma.com/design/${KEY}/Checkout-flow`;
const setUrl = (url: string) => (window as any).happyDOM.setURL(url);

beforeEach(() => {
  setUrl(fileUrl);
  document.body.innerHTML = fixture;
  document.title = 'Checkout flow – Figma';
});
afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

const q = (selector: string) => document.querySelector(selector)!;
const key = (init: KeyboardEventInit) =>
  new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
const input = () =>
  new InputEvent('beforeinput', { bubbles: true, inputType: 'insertText', data: 'x' });

describe('figmaFile', () => {
  it('reads the key from /design/ and /file/ and gives one canonical URL without the name or query', () => {
    const canonical = `https://www.figma.com/design/${KEY}/`;
    for (const url of [
      fileUrl,
      `https://www.figma.com/file/${KEY}/Checkout-flow`,
      `https://www.figma.com/design/${KEY}/Renamed-file?node-id=1-2&t=abc`,
      `https://www.figma.com/design/${KEY}`,
      `https://www.figma.com/design/${KEY}/`,
      `https://figma.com/design/${KEY}/Checkout-flow`,
    ]) {
      expect(figmaFile(new URL(url)), url).toEqual(
        expect.objectContaining({ key: KEY, url: canonical }),
      );
    }
  });

  it('keys a branch by its branch key, under its file (a claim on the file covers it)', () => {
    const file = figmaFile(
      new URL(`https://www.figma.com/design/${KEY}/branch/${BRANCH}/Checkout-flow?m=auto`),
    );
    expect(file).toEqual({
      key: BRANCH,
      url: `https://www.figma.com/design/${KEY}/branch/${BRANCH}/`,
      slug: 'Checkout-flow',
    });
    expect(file!.url.startsWith(figmaFile(new URL(fileUrl))!.url)).toBe(true);
  });

  it('returns null for pages that are not a design file, and for garbage', () => {
    for (const url of [
      'https://www.figma.com/files/recents-and-sharing',
      'https://www.figma.com/proto/OYkYP4pC9jwS7j2qafwmiv/Checkout',
      'https://www.figma.com/design/',
      'https://www.figma.com/design/short/Name',
      'https://www.figma.com/design/%3Cscript%3E%3C%2Fscript%3Eaaaaaaaa/x',
      `https://www.figma.com/design/${KEY}/branch/%3Cb%3E/x`,
      `https://evil.example/design/${KEY}/Checkout-flow`,
    ]) {
      expect(figmaFile(new URL(url)), url).toBeNull();
    }
  });
});

describe('appliesTo', () => {
  it('takes figma.com only, and the registry finds the adapter', () => {
    expect(figma.appliesTo(new URL(fileUrl))).toBe(true);
    expect(figma.appliesTo(new URL('https://www.figma.com.evil.example/design/x'))).toBe(false);
    expect(adapterFor(new URL(fileUrl))).toBe(figma);
  });
});

describe('artifact', () => {
  it('reads the title from the tab title', () => {
    expect(figma.artifact(new URL(fileUrl), document)).toEqual({
      key: KEY,
      title: 'Checkout flow',
      url: `https://www.figma.com/design/${KEY}/`,
    });
  });

  it('after an in-app navigation, a tab title that is still the previous file’s is not used', () => {
    document.title = 'Design system – Figma';
    q('[data-testid="filename"]').textContent = 'Design system';
    expect(figma.artifact(new URL(fileUrl), document)?.title).toBe('Checkout flow');
  });

  it('falls back to the toolbar, then to the URL’s name segment', () => {
    document.title = 'Figma';
    expect(figma.artifact(new URL(fileUrl), document)?.title).toBe('Checkout flow');
    q('[data-testid="filename"]').remove();
    expect(
      figma.artifact(new URL(`https://www.figma.com/design/${KEY}/Pay%20sheet-v2`), document)
        ?.title,
    ).toBe('Pay sheet v2');
  });

  it('returns null off a file', () => {
    expect(
      figma.artifact(new URL('https://www.figma.com/files/recents-and-sharing'), document),
    ).toBeNull();
  });
});

describe('ownership', () => {
  it('names nobody (not null: a claim decides)', async () => {
    const artifact = figma.artifact(new URL(fileUrl), document)!;
    await expect(
      figma.ownership(artifact, document, new AbortController().signal),
    ).resolves.toEqual({ owner: [], viewer: [] });
  });

  it('says what it could not read: the canvas, its key sink (so a Figma change shows in Adapter health)', async () => {
    const artifact = figma.artifact(new URL(fileUrl), document)!;
    q('.gpu-view-content').classList.remove('gpu-view-content');
    q('textarea.focus-target').remove();
    const { unread, owner } = (await figma.ownership(
      artifact,
      document,
      new AbortController().signal,
    ))!;
    expect(owner).toEqual([]);
    expect(unread).toEqual([
      'the canvas (#fullscreen-root .gpu-view-content canvas) was not found: edits on the canvas may go unseen',
      'the canvas key sink (.focus-target) was not found: edits on the canvas go unseen',
    ]);
    // No page text and no names in what is reported.
    expect(unread!.join(' ')).not.toMatch(/Checkout|Pay now/);
  });
});

describe('surfaces', () => {
  it('every row names what it is and the evidence it follows', () => {
    for (const s of surfaces) {
      expect(s.what, s.selector).not.toBe('');
      expect(s.evidence, s.selector).toMatch(/docs\/evidence\/figma\.md/);
      expect(() => document.querySelector(s.selector), s.selector).not.toThrow();
    }
  });

  it('the key sink and the panels are content; comments are conversation; Figma has no planning surface', () => {
    expect(surfaceKindOf(q('textarea.focus-target'), surfaces)).toBe('content');
    expect(surfaceKindOf(q('#left-panel-container .object_row--name--n1'), surfaces)).toBe(
      'content',
    );
    expect(surfaceKindOf(q('input[aria-label="X"]'), surfaces)).toBe('content');
    expect(surfaceKindOf(q('[data-testid="comment-composer"] [contenteditable]'), surfaces)).toBe(
      'conversation',
    );
    expect(surfaces.filter((s) => s.kind === 'planning')).toEqual([]);
  });

  it('reads the file name from its class when the test id is gone (not from the container around it)', () => {
    document.title = '';
    q('[data-testid="filename"]').removeAttribute('data-testid');
    expect(figma.artifact(new URL(`https://www.figma.com/design/${KEY}/`), document)?.title).toBe(
      'Checkout flow',
    );
  });
});

describe('isContentEditor', () => {
  const sink = () => q('textarea.focus-target');

  it('the key sink: text typed into a text layer (input events) is an edit', () => {
    expect(figma.isContentEditor(sink(), input())).toBe(true);
    expect(figma.isContentEditor(sink())).toBe(true); // focus: resolve early
  });

  it('the key sink: keys that change the file are edits; tools, panning, zoom and copy are not', () => {
    for (const init of [
      { key: 'Delete' },
      { key: 'Backspace' },
      { key: 'ArrowLeft' },
      { key: 'ArrowUp', shiftKey: true },
      { key: 'd', metaKey: true },
      { key: 'v', ctrlKey: true },
      { key: 'z', metaKey: true, shiftKey: true },
      { key: 'G', metaKey: true, shiftKey: true },
      { key: 'å', altKey: true, code: 'KeyA' },
      { key: 'k', metaKey: true, altKey: true, code: 'KeyK' },
      { key: 'H', shiftKey: true },
    ]) {
      expect(figma.isContentEditor(sink(), key(init)), JSON.stringify(init)).toBe(true);
    }
    for (const init of [
      { key: 'r' },
      { key: 'v' },
      { key: ' ', code: 'Space' },
      { key: 'Shift', shiftKey: true },
      { key: 'Meta', metaKey: true },
      { key: 'c', metaKey: true },
      { key: '=', metaKey: true },
      { key: '1', shiftKey: true },
      { key: 'Escape' },
      { key: 'Enter' },
      { key: 'Process', isComposing: true },
    ]) {
      expect(figma.isContentEditor(sink(), key(init)), JSON.stringify(init)).toBe(false);
    }
  });

  it('renaming the file: the input that replaces the name takes edits by its input events', () => {
    const rename = document.createElement('input');
    rename.id = 'filename';
    rename.className = 'filename_view--pageTitleInput--NaN5r ellipsis--ellipsis--Tjyfa';
    rename.value = 'Checkout flow';
    q('[data-testid="filename"]').replaceWith(rename);
    expect(figma.isContentEditor(rename, input())).toBe(true);
    expect(figma.isContentEditor(rename, key({ key: 'a' }))).toBe(false);
    // Wherever Figma puts it: outside the left panel too.
    document.body.append(rename);
    expect(figma.isContentEditor(rename, input())).toBe(true);
  });

  it('properties panel inputs are edits by their input events, not their keydowns', () => {
    const width = q('input[aria-label="Width"]');
    expect(figma.isContentEditor(width, input())).toBe(true);
    expect(figma.isContentEditor(width, key({ key: '4' }))).toBe(false);
  });

  it('comments, layer search and the canvas itself are not edits', () => {
    const composer = q('[data-testid="comment-composer"] [contenteditable]');
    expect(figma.isContentEditor(composer, input())).toBe(false);
    expect(figma.isContentEditor(composer, key({ key: 'Backspace' }))).toBe(false);
    expect(figma.isContentEditor(q('input[type="search"]'), input())).toBe(false);
    expect(figma.isContentEditor(q('canvas'), key({ key: 'Delete' }))).toBe(false);
  });

  it('a view-only file and Dev Mode take no edits', () => {
    const badge = document.createElement('span');
    badge.setAttribute('data-testid', 'view-only-badge');
    q('[data-testid="filename"]').after(badge);
    expect(figma.isContentEditor(sink(), key({ key: 'Delete' }))).toBe(false);
    expect(figma.isContentEditor(q('input[aria-label="Width"]'), input())).toBe(false);
    badge.remove();
    expect(figma.isContentEditor(sink(), key({ key: 'Delete' }))).toBe(true);
    setUrl(`${fileUrl}?node-id=1-2&m=dev`);
    expect(figma.isContentEditor(sink(), key({ key: 'Delete' }))).toBe(false);
  });

  it('opts into keydown for the detector', () => {
    expect(figma.editEvents).toEqual(['keydown']);
  });
});

describe('isFigmaEditingKey', () => {
  it('ignores composition keys', () => {
    expect(isFigmaEditingKey(key({ key: 'Backspace', isComposing: true }))).toBe(false);
  });
});
