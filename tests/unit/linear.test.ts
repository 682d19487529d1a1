// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LINEAR_ASSIGNEE_UNREAD,
  linear,
  linearAssignee,
  linearAssigneeButton,
  linearIssue,
  surfaces,
} from '@/utils/sites/linear';
import { surfaceKindOf } from '@/utils/sites/types';
import { selectorsOn } from '@/utils/page/page-reading';
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
// The composer's editor is unlabelled; its container says what it is (docs/evidence/linear.md).
const composer = () => q('[data-comment-input-editor-container] .ProseMirror');
const commentBody = () => q('div[id^="comment-"][id$="-container"] .ProseMirror');
const subIssueComposer = () => q('[aria-label="Sub-issues"] .ProseMirror');
/** The property rail's rows: status, priority, assignee, then labels and project. */
const rail = () => [...document.querySelectorAll('button[data-detail-button="true"]')];
const assigneeButton = () => rail()[2]!;
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
  const ownershipHere = () =>
    linear.ownership(linear.artifact(issueUrl, document)!, document, signal());

  it('reads the assignee from the rail’s unlabelled detail button that shows an avatar, and no viewer', async () => {
    expect(assigneeButton().hasAttribute('aria-label')).toBe(false);
    expect(await ownershipHere()).toEqual({ owner: ['Alice Chen'], viewer: [] });
  });

  it('finds the assignee by what it shows, wherever it sits among the rows', () => {
    const section = q('[data-details-pane-section-content]');
    section.prepend(assigneeButton());
    expect(linearAssignee(document)).toEqual(['Alice Chen']);
    expect(linearAssigneeButton(document)).toBe(rail()[0]);
  });

  it('reads a username and the avatar’s name, either of which the roster may know', () => {
    assigneeButton().innerHTML = '<img alt="Bob Okafor" src="/a.png"><span>bokafor</span>';
    expect(new Set(linearAssignee(document))).toEqual(new Set(['bokafor', 'Bob Okafor']));
  });

  it('keeps initials apart from the name when they are not hidden', () => {
    assigneeButton().innerHTML =
      '<span role="img" aria-label="Alice Chen">AC</span><span>Alice Chen</span>';
    expect(linearAssignee(document)).toContain('Alice Chen');
    expect(linearAssignee(document)).not.toContain('AC Alice Chen');
  });

  it('an unassigned issue ("Assign" with a dashed-person icon) is owned by nobody, not "not found"', async () => {
    for (const text of ['Assign', 'Unassigned', 'No assignee']) {
      assigneeButton().innerHTML = `<svg width="14" height="14"><title>Assignee</title></svg><span>${text}</span>`;
      expect(await ownershipHere(), text).toEqual({ owner: [], viewer: [] });
    }
  });

  it('never takes status, priority, labels or project for the assignee', () => {
    assigneeButton().remove();
    expect(linearAssigneeButton(document)).toBeNull();
    expect(linearAssignee(document)).toBeNull();
  });

  it('when no button can be told apart, the owner is unread and adapter health is told what', async () => {
    // An assigned button that shows initials only (no image, nothing named): nothing to read.
    assigneeButton().innerHTML = '<span aria-hidden="true">AC</span>';
    expect(await ownershipHere()).toEqual({
      owner: null,
      viewer: [],
      unread: [LINEAR_ASSIGNEE_UNREAD],
    });
    // An avatar that names nobody is not "nobody assigned" either.
    assigneeButton().innerHTML = '<img alt="" src="/a.png">';
    expect(linearAssignee(document)).toBeNull();
  });

  it('falls back to the labelled Assignee button of older builds, reading a name in its label', () => {
    assigneeButton().remove();
    const older = document.createElement('button');
    older.setAttribute('aria-label', 'Change assignee');
    older.innerHTML = '<span aria-hidden="true">AC</span><span>Alice Chen</span>';
    q('[data-details-pane-section-content]').append(older);
    expect(linearAssignee(document)).toEqual(['Alice Chen']);
    older.innerHTML = '<span>Assign</span>';
    older.setAttribute('aria-label', 'Assign to…');
    expect(linearAssignee(document)).toEqual([]);
    older.setAttribute('title', 'Assignee: Bob Okafor');
    expect(linearAssignee(document)).toEqual(['Bob Okafor']);
  });

  it('ignores detail buttons and labelled Assignee buttons inside a dialog or menu', () => {
    assigneeButton().remove();
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div role="dialog"><button data-detail-button="true"><img alt="Bob Okafor"><span>Bob Okafor</span></button><button aria-label="Change assignee">Bob Okafor</button></div>',
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
    expect(linear.isContentEditor(composer())).toBe(false);
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
    expect(surfaceKindOf(composer().querySelector('p')!, surfaces)).toBe('conversation');
    expect(surfaceKindOf(commentBody(), surfaces)).toBe('conversation');
    // A reply editor labelled "Reply" (older markup) and an inline thread on a document.
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div contenteditable="true" aria-label="Reply" id="reply"></div><div class="InlineCommentThread"><div contenteditable="true" id="inline"></div></div>',
    );
    for (const id of ['reply', 'inline']) {
      expect(surfaceKindOf(q(`#${id}`), surfaces), id).toBe('conversation');
      expect(linear.isContentEditor(q(`#${id}`)), id).toBe(false);
    }
  });

  it('the rail’s rows, older labelled properties and the filter boxes of their pickers are planning: never a prompt', () => {
    for (const button of rail()) expect(surfaceKindOf(button, surfaces)).toBe('planning');
    q('[data-details-pane-section-content]').insertAdjacentHTML(
      'beforeend',
      '<button aria-label="Change status">Todo</button><input id="due" type="text" aria-label="Change due date" /><input id="estimate" type="text" data-detail-button="true" />',
    );
    expect(surfaceKindOf(q('[aria-label="Change status"]'), surfaces)).toBe('planning');
    // An estimate or due date typed in the properties: planning too.
    expect(linear.isContentEditor(q('#due'))).toBe(false);
    expect(linear.isContentEditor(q('#estimate'))).toBe(false);
    for (const role of ['menu', 'listbox']) {
      q('#portalLayoutRoot').insertAdjacentHTML(
        'beforeend',
        `<div role="${role}" id="picker-${role}"><input type="text" placeholder="Assign to…" /></div>`,
      );
      const filter = q(`#picker-${role} input`);
      expect(surfaceKindOf(filter, surfaces), role).toBe('planning');
      expect(linear.isContentEditor(filter), role).toBe(false);
    }
  });
});

describe('Copy details', () => {
  it('says which of the owner’s selectors matched: the rail’s detail buttons here, not the older labels', () => {
    const { matched, missed } = selectorsOn(linear, document);
    expect(matched).toContain('owner: button[data-detail-button="true"]');
    expect(missed).toContain('owner: button[aria-label="Change assignee"]');
  });
});
