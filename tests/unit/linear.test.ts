// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linear, linearAssignee, linearIssue, surfaces } from '@/utils/sites/linear';
import { surfaceKindOf } from '@/utils/sites/types';
import { adapterFor } from '@/utils/sites/registry';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/linear/issue.html'), 'utf8');
const ORIGIN = 'https://linear.app';
const issueUrl = new URL(`${ORIGIN}/acme/issue/ENG-123/checkout-button-copy`);

beforeEach(() => {
  document.body.innerHTML = fixture;
});
afterEach(() => {
  document.body.innerHTML = '';
});

const q = (selector: string) => document.querySelector(selector)!;
const title = () => q('[aria-label="Issue title"]');
const description = () => q('[aria-label="Issue description"]');
// The composer is labelled "Comment" (real-markup/linear.md §1 #2); it was "Leave a comment…" in the old fixture.
const composer = () => q('[aria-label="Comment"]');
const commentBody = () => q('[data-comment-thread-container] .ProseMirror');
const subIssueComposer = () => q('[aria-label="Sub-issues"] .ProseMirror');
const assigneeButton = () => q('button[aria-label="Change assignee"]');
const signal = () => new AbortController().signal;

describe('linearIssue', () => {
  it('reads workspace and key from /<workspace>/issue/KEY-123/<slug>, with or without the slug', () => {
    expect(linearIssue(issueUrl)).toEqual({ workspace: 'acme', key: 'ENG-123' });
    expect(linearIssue(new URL(`${ORIGIN}/acme/issue/ENG-123`))).toEqual({
      workspace: 'acme',
      key: 'ENG-123',
    });
    expect(linearIssue(new URL(`${ORIGIN}/acme/issue/ENG-123/`))).toEqual({
      workspace: 'acme',
      key: 'ENG-123',
    });
    expect(
      linearIssue(new URL(`${ORIGIN}/acme-inc/issue/WEB2-7/fix-it?foo=1#comment-abc`)),
    ).toEqual({ workspace: 'acme-inc', key: 'WEB2-7' });
  });

  it('upper-cases a lowercase key', () => {
    expect(linearIssue(new URL(`${ORIGIN}/acme/issue/eng-123/slug`))?.key).toBe('ENG-123');
  });

  it('returns null for pages that are not an issue, and for garbage', () => {
    for (const path of [
      '/',
      '/acme',
      '/acme/inbox',
      '/acme/my-issues/assigned',
      '/acme/team/ENG/active',
      '/acme/project/checkout-revamp-1a2b3c/overview',
      '/acme/issue/',
      '/acme/issue/ENG',
      '/acme/issue/ENG-',
      '/acme/issue/123',
      '/acme/issue/1ENG-123',
      '/acme/issue/ENG-123-4',
      '/acme/issue/ENG-123/slug/extra',
      '/acme/issues/ENG-123',
      '/issue/ENG-123',
      '/acme/issue/%3Cscript%3E-1',
    ]) {
      expect(linearIssue(new URL(`${ORIGIN}${path}`)), path).toBeNull();
    }
  });
});

describe('appliesTo', () => {
  it('takes linear.app, not lookalike hosts or other subdomains', () => {
    expect(adapterFor(issueUrl)).toBe(linear);
    expect(linear.appliesTo(new URL('https://linear.app.evil.test/acme/issue/ENG-1'))).toBe(false);
    expect(linear.appliesTo(new URL('https://evillinear.app/acme/issue/ENG-1'))).toBe(false);
    expect(linear.appliesTo(new URL('https://uploads.linear.app/x'))).toBe(false);
    expect(linear.matches).toEqual(['https://linear.app/*']);
  });
});

describe('artifact', () => {
  it('reads key, title (from the title editor) and the issue URL without its slug', () => {
    expect(
      linear.artifact(new URL(`${ORIGIN}/acme/issue/eng-123/old-slug#comment-7f3a`), document),
    ).toEqual({
      key: 'ENG-123',
      title: 'Checkout button says “Submit” instead of “Pay now”',
      url: `${ORIGIN}/acme/issue/ENG-123`,
    });
  });

  it('reads the title from an older textarea title', () => {
    const textarea = document.createElement('textarea');
    textarea.placeholder = 'Issue title';
    textarea.value = 'From the textarea';
    title().replaceWith(textarea);
    expect(linear.artifact(issueUrl, document)?.title).toBe('From the textarea');
  });

  it('reads the title from the single-line editor when it has no label', () => {
    title().removeAttribute('aria-label');
    expect(linear.artifact(issueUrl, document)?.title).toBe(
      'Checkout button says “Submit” instead of “Pay now”',
    );
  });

  it('does not take the new-issue dialog’s title for the page’s issue', () => {
    title().remove();
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div role="dialog" aria-label="New issue"><div contenteditable="true" aria-label="Issue title"><p>Draft</p></div></div>',
    );
    expect(linear.artifact(issueUrl, document)?.title).toBe('');
  });

  it('is null off an issue', () => {
    expect(linear.artifact(new URL(`${ORIGIN}/acme/team/ENG/active`), document)).toBeNull();
  });
});

describe('ownership', () => {
  it('reads the assignee from the Assignee property button, without the avatar’s initials, and no viewer', async () => {
    const ownership = await linear.ownership(
      linear.artifact(issueUrl, document)!,
      document,
      signal(),
    );
    expect(ownership).toEqual({ owner: ['Alice Chen'], viewer: [] });
  });

  it('reads a username and the avatar’s alt text (full name), either of which the roster may know', () => {
    assigneeButton().innerHTML = '<img alt="Bob Okafor" src="/a.png"><span>bokafor</span>';
    expect(new Set(linearAssignee(document))).toEqual(new Set(['bokafor', 'Bob Okafor']));
  });

  it('keeps initials apart from the name when they are not hidden', () => {
    assigneeButton().innerHTML = '<span class="avatar">AC</span><span>Alice Chen</span>';
    expect(linearAssignee(document)).toContain('Alice Chen');
  });

  it('reads a name given only in the button’s label ("Assignee: …")', () => {
    assigneeButton().replaceWith(
      Object.assign(document.createElement('button'), { innerHTML: '<img alt="" src="/a.png">' }),
    );
    const button = q('[aria-label="Issue properties"] button:not([aria-label])');
    button.setAttribute('aria-label', 'Assign to…');
    expect(linearAssignee(document)).toEqual([]);
    button.setAttribute('aria-label', 'Change assignee');
    button.setAttribute('title', 'Assignee: Bob Okafor');
    expect(linearAssignee(document)).toEqual(['Bob Okafor']);
  });

  it('an unassigned issue is owned by nobody (empty owner), not "not found"', async () => {
    for (const text of ['Assign', 'Unassigned', 'No assignee']) {
      assigneeButton().innerHTML = `<span aria-hidden="true">○</span><span>${text}</span>`;
      const ownership = await linear.ownership(
        linear.artifact(issueUrl, document)!,
        document,
        signal(),
      );
      expect(ownership, text).toEqual({ owner: [], viewer: [] });
    }
  });

  it('falls back to older labels of the Assignee button', async () => {
    assigneeButton().setAttribute('aria-label', 'Assign to…');
    expect(linearAssignee(document)).toEqual(['Alice Chen']);
  });

  it('is null when there is no Assignee button (the markup changed)', async () => {
    assigneeButton().remove();
    expect(
      await linear.ownership(linear.artifact(issueUrl, document)!, document, signal()),
    ).toBeNull();
  });

  it('ignores an Assignee button inside a dialog (the new-issue form)', () => {
    assigneeButton().remove();
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div role="dialog"><button aria-label="Change assignee">Bob Okafor</button></div>',
    );
    expect(linearAssignee(document)).toBeNull();
  });

  it('rejects when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      linear.ownership(linear.artifact(issueUrl, document)!, document, controller.signal),
    ).rejects.toThrow();
  });
});

describe('isContentEditor', () => {
  it('is true for the title editor and the text inside it', () => {
    expect(linear.isContentEditor(title())).toBe(true);
    expect(linear.isContentEditor(title().querySelector('p')!)).toBe(true);
  });

  it('is true for an older textarea title', () => {
    const textarea = document.createElement('textarea');
    textarea.setAttribute('aria-label', 'Issue title');
    title().replaceWith(textarea);
    expect(linear.isContentEditor(textarea)).toBe(true);
  });

  it('is true for the description editor (and text inside it)', () => {
    expect(linear.isContentEditor(description())).toBe(true);
    expect(linear.isContentEditor(description().querySelector('strong')!)).toBe(true);
  });

  it('is true for the description when it has no label: the first editor after the title', () => {
    description().removeAttribute('aria-label');
    const editor = q('.ProseMirror.editor');
    expect(linear.isContentEditor(editor)).toBe(true);
    expect(linear.isContentEditor(editor.querySelector('em')!)).toBe(true);
    // …and only that one: the sub-issue composer and the comment composer come later.
    expect(linear.isContentEditor(subIssueComposer())).toBe(false);
    composer().removeAttribute('aria-label');
    expect(linear.isContentEditor(q('[data-comment-input-editor-container] .ProseMirror'))).toBe(
      false,
    );
  });

  it('is false for the comment composer: comments are conversation', () => {
    expect(linear.isContentEditor(composer())).toBe(false);
    expect(linear.isContentEditor(composer().querySelector('p')!)).toBe(false);
  });

  it('is false for a comment being edited, whatever its editor is labelled', () => {
    expect(linear.isContentEditor(commentBody())).toBe(false);
    commentBody().setAttribute('aria-label', 'Issue description');
    expect(linear.isContentEditor(commentBody())).toBe(false);
  });

  it('is false for a thread reply box', () => {
    const section = q('[aria-labelledby="activity-heading"]');
    section.insertAdjacentHTML(
      'beforeend',
      '<div><div id="reply" contenteditable="true" aria-label="Leave a reply…"></div></div>',
    );
    expect(linear.isContentEditor(document.getElementById('reply')!)).toBe(false);
  });

  it('is false for the sub-issue composer (it creates another issue)', () => {
    expect(linear.isContentEditor(subIssueComposer())).toBe(false);
  });

  it('is false in the new-issue dialog, even for its title and description', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div role="dialog" aria-modal="true"><div id="d-title" contenteditable="true" aria-label="Issue title"></div><div id="d-desc" contenteditable="true" aria-label="Issue description"></div></div>',
    );
    expect(linear.isContentEditor(document.getElementById('d-title')!)).toBe(false);
    expect(linear.isContentEditor(document.getElementById('d-desc')!)).toBe(false);
  });

  it('is false for the search box and for things that do not take typing', () => {
    expect(linear.isContentEditor(document.getElementById('global-search')!)).toBe(false);
    expect(linear.isContentEditor(assigneeButton())).toBe(false);
    expect(linear.isContentEditor(q('header'))).toBe(false);
  });

  it('is false for a description that is not editable right now (read-only member)', () => {
    description().setAttribute('contenteditable', 'false');
    expect(linear.isContentEditor(description())).toBe(false);
  });
});

describe('surfaces', () => {
  it('every row names what it is and where its selector comes from', () => {
    for (const s of surfaces) {
      expect(s.what, s.selector).not.toBe('');
      expect(s.evidence, s.selector).not.toBe('');
      expect(() => document.querySelector(s.selector), s.selector).not.toThrow();
    }
  });

  it('title and description are content; comments, replies and the composer are conversation', () => {
    expect(surfaceKindOf(title(), surfaces)).toBe('content');
    expect(surfaceKindOf(description().querySelector('li p')!, surfaces)).toBe('content');
    expect(surfaceKindOf(composer(), surfaces)).toBe('conversation');
    expect(surfaceKindOf(commentBody(), surfaces)).toBe('conversation');
    expect(surfaceKindOf(q('[aria-label="Reply"]'), surfaces)).toBe('conversation');
    expect(linear.isContentEditor(q('[aria-label="Reply"]'))).toBe(false);
  });

  it('properties and the filter boxes of their pickers are planning: never a prompt', () => {
    for (const label of ['Change status', 'Change priority', 'Change assignee', 'Change labels']) {
      expect(surfaceKindOf(q(`[aria-label="${label}"]`), surfaces), label).toBe('planning');
    }
    for (const role of ['menu', 'listbox']) {
      document.body.insertAdjacentHTML(
        'beforeend',
        `<div role="${role}" id="picker-${role}"><input type="text" aria-label="Change priority to…" /></div>`,
      );
      const filter = q(`#picker-${role} input`);
      expect(surfaceKindOf(filter, surfaces), role).toBe('planning');
      expect(linear.isContentEditor(filter), role).toBe(false);
    }
    // An estimate or due date typed in the properties: planning too.
    q('[aria-label="Issue properties"]').insertAdjacentHTML(
      'beforeend',
      '<input id="due" type="text" aria-label="Change due date" />',
    );
    expect(linear.isContentEditor(q('#due'))).toBe(false);
  });
});
