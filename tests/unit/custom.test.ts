// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { claimFor } from '@/utils/people/roster';
import { customAdapter } from '@/utils/sites/custom';

const site = {
  origin: 'https://wiki.acme.test',
  label: 'Team wiki',
  editableSelector: '.doc-body, textarea.note',
  conversationSelector: '.comments',
};

afterEach(() => void (document.body.innerHTML = ''));

describe('a site the lead added', () => {
  const adapter = customAdapter(site);

  test('applies to its own origin only', () => {
    expect(adapter.appliesTo(new URL('https://wiki.acme.test/a'))).toBe(true);
    expect(adapter.appliesTo(new URL('https://wiki.acme.test.evil.test/a'))).toBe(false);
    expect(adapter.appliesTo(new URL('http://wiki.acme.test/a'))).toBe(false);
  });

  test('the artifact is the page: host and path, trailing slash and query dropped', () => {
    document.title = ' Release checklist ';
    expect(
      adapter.artifact(new URL('https://wiki.acme.test/wiki/release/?edit=1#top'), document),
    ).toEqual({
      key: 'wiki.acme.test/wiki/release',
      title: 'Release checklist',
      url: 'https://wiki.acme.test/wiki/release',
    });
  });

  test('only the named regions count, never the conversation inside them, and a broken selector counts nothing', async () => {
    document.body.innerHTML = `
      <div class="doc-body" contenteditable="true"><p id="para">text</p></div>
      <div class="comments"><div class="doc-body" id="comment" contenteditable="true"></div></div>
      <textarea class="note" id="note"></textarea><textarea id="other"></textarea>`;
    const $ = (id: string) => document.getElementById(id)!;
    expect(adapter.isContentEditor($('para'))).toBe(true);
    expect(adapter.isContentEditor($('note'))).toBe(true);
    expect(adapter.isContentEditor($('comment'))).toBe(false);
    expect(adapter.isContentEditor($('other'))).toBe(false);
    expect(customAdapter({ ...site, editableSelector: 'div[' }).isContentEditor($('para'))).toBe(
      false,
    );
    // No owner on a generic page: the background applies claims.
    await expect(
      adapter.ownership(
        { key: 'k', title: '', url: 'https://wiki.acme.test/x' },
        document,
        new AbortController().signal,
      ),
    ).resolves.toEqual({ owner: [], viewer: [] });
  });
});

describe('claims', () => {
  const claim = (id: string, urlPrefix: string) => ({
    id,
    reportId: id,
    urlPrefix,
    label: '',
    createdAt: '2026-11-28T10:00:00.000Z',
  });
  test('the longest matching prefix wins; nothing matches outside every prefix', () => {
    const claims = [
      claim('team', 'https://www.figma.com/design/'),
      claim('file', 'https://www.figma.com/design/abc/'),
    ];
    expect(claimFor(claims, 'https://www.figma.com/design/abc/')?.id).toBe('file');
    expect(claimFor(claims, 'https://www.figma.com/design/xyz/')?.id).toBe('team');
    expect(claimFor(claims, 'https://www.notion.so/acme/x')).toBeNull();
  });
});
