// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { github, githubPage, isBotOrAgent, optionIdentity, surfaces } from '@/utils/sites/github';
import { surfaceKindOf } from '@/utils/sites/types';
import { adapterFor } from '@/utils/sites/registry';

const ORIGIN = 'https://github.com';
/** happy-dom's own API: moves the document to a URL without loading anything. */
const setUrl = (url: string) =>
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, `../fixtures/github/${name}.html`), 'utf8');

/** Puts a saved page in the document at its URL (the adapter reads the page's location and title). */
function load(name: 'issue' | 'pull' | 'edit', path: string) {
  setUrl(`${ORIGIN}${path}`);
  const saved = new DOMParser().parseFromString(fixture(name), 'text/html');
  document.head.innerHTML = saved.head.innerHTML;
  document.body.innerHTML = saved.body.innerHTML;
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

const byId = (id: string) => document.getElementById(id)!;
const q = (selector: string) => document.querySelector(selector)!;
const here = () => new URL(document.location.href);
const signal = () => new AbortController().signal;

describe('githubPage (keys from URLs)', () => {
  const parse = (path: string) => githubPage(new URL(`${ORIGIN}${path}`));

  it('reads issues and pull requests, including the pull request tabs', () => {
    expect(parse('/acme/shop/issues/12')).toEqual({
      kind: 'issues',
      owner: 'acme',
      repo: 'shop',
      number: '12',
    });
    expect(parse('/acme/shop/pull/20')).toEqual({
      kind: 'pull',
      owner: 'acme',
      repo: 'shop',
      number: '20',
    });
    for (const tab of ['files', 'commits', 'checks', 'changes', 'files/0123abc']) {
      expect(parse(`/acme/shop/pull/20/${tab}`), tab).toMatchObject({ kind: 'pull', number: '20' });
    }
    expect(parse('/my-org/my.repo_v2/issues/7')).toMatchObject({
      owner: 'my-org',
      repo: 'my.repo_v2',
      number: '7',
    });
  });

  it('reads a file in the web editor, its path decoded', () => {
    expect(parse('/acme/shop/edit/main/docs/Read%20Me.md')).toEqual({
      kind: 'edit',
      owner: 'acme',
      repo: 'shop',
      branch: 'main',
      path: 'docs/Read Me.md',
      rawRef: 'main/docs/Read%20Me.md',
    });
  });

  it('is null for every other page and for garbage', () => {
    for (const path of [
      '/',
      '/acme',
      '/acme/shop',
      '/acme/shop/issues',
      '/acme/shop/issues/new',
      '/acme/shop/issues/12a',
      '/acme/shop/pulls',
      '/acme/shop/pull/new/feature',
      '/acme/shop/blob/main/README.md',
      '/acme/shop/edit/main',
      '/acme/shop/new/main/docs',
      '/-acme/shop/issues/12',
      '/acme/../issues/12',
      '/acme/shop/discussions/3',
      '/issues/12',
      '/%3Cscript%3E/x/issues/1',
    ]) {
      expect(parse(path), path).toBeNull();
    }
    expect(githubPage(new URL('https://gist.github.com/acme/shop/issues/12'))).toBeNull();
  });
});

describe('appliesTo', () => {
  it('takes github.com only, not lookalikes or other GitHub hosts', () => {
    expect(adapterFor(new URL(`${ORIGIN}/acme/shop/issues/12`))).toBe(github);
    expect(github.appliesTo(new URL('https://github.com.evil.test/acme/shop/issues/12'))).toBe(
      false,
    );
    expect(github.appliesTo(new URL('https://evilgithub.com/acme/shop/issues/12'))).toBe(false);
    expect(github.appliesTo(new URL('https://gist.github.com/acme'))).toBe(false);
    expect(github.matches).toEqual(['https://github.com/*']);
  });
});

describe('artifact', () => {
  it("an issue: key and URL in the repository's own spelling, title from the heading", () => {
    load('issue', '/acme/shop/issues/12?notification_referrer_id=1');
    expect(github.artifact(here(), document)).toEqual({
      key: 'Acme/Shop#12',
      title: 'Checkout button copy',
      url: `${ORIGIN}/Acme/Shop/issues/12`,
    });
  });

  it('a pull request on any of its tabs is the same artifact', () => {
    load('pull', '/acme/shop/pull/20/files');
    expect(github.artifact(here(), document)).toEqual({
      key: 'acme/shop#20',
      title: 'Add Apple Pay',
      url: `${ORIGIN}/acme/shop/pull/20`,
    });
  });

  it("reads the current URL each time (soft navigation), and ignores another repository's meta tag", () => {
    load('issue', '/acme/shop/issues/12');
    setUrl(`${ORIGIN}/other/repo/issues/3`);
    expect(github.artifact(here(), document)).toMatchObject({
      key: 'other/repo#3',
      url: `${ORIGIN}/other/repo/issues/3`,
    });
  });

  it("falls back to the tab's title while the heading is replaced by the title field", () => {
    load('issue', '/acme/shop/issues/12');
    q('h1').remove();
    expect(github.artifact(here(), document)?.title).toBe('Checkout button copy');
    load('pull', '/acme/shop/pull/20');
    q('h1').remove();
    expect(github.artifact(here(), document)?.title).toBe('Add Apple Pay');
  });

  it("does not take another item's tab title (stale after a soft navigation)", () => {
    load('issue', '/acme/shop/issues/12');
    setUrl(`${ORIGIN}/acme/shop/issues/13`);
    q('h1').remove();
    expect(github.artifact(here(), document)).toEqual({
      key: 'Acme/Shop#13',
      title: '',
      url: `${ORIGIN}/Acme/Shop/issues/13`,
    });
  });

  it('a file in the web editor: key owner/repo@branch:path, URL its blob page, title its path', () => {
    load('edit', '/acme/shop/edit/main/docs/README.md');
    expect(github.artifact(here(), document)).toEqual({
      key: 'acme/shop@main:docs/README.md',
      title: 'docs/README.md',
      url: `${ORIGIN}/acme/shop/blob/main/docs/README.md`,
    });
  });

  it('is null off an issue, a pull request or a file editor', () => {
    load('issue', '/acme/shop/issues');
    expect(github.artifact(here(), document)).toBeNull();
  });
});

describe('ownership', () => {
  it("an issue is its assignees' work (not its author's), never its agent's; the viewer is the signed-in login", async () => {
    load('issue', '/acme/shop/issues/12');
    // Assigned to Copilot's coding agent and a report: the report's.
    expect(q('[data-testid="issue-assignees"]').textContent).toContain('Copilot');
    const artifact = github.artifact(here(), document)!;
    expect(await github.ownership(artifact, document, signal())).toEqual({
      owner: ['achen'],
      viewer: ['dana-lead'],
    });
  });

  it('bots and agents are never the owner: app links, [bot] logins, bot hovercards, Copilot', async () => {
    load('issue', '/acme/shop/issues/12');
    q('[data-testid="issue-assignees"]').innerHTML = [
      '<li><a href="/apps/dependabot" data-hovercard-url="/apps/dependabot/hovercard"><span>dependabot</span></a></li>',
      '<li><a href="/renovate[bot]" data-hovercard-url="/users/renovate[bot]/hovercard"><span>renovate[bot]</span></a></li>',
      '<li><a href="/some-agent" data-hovercard-type="bot" data-hovercard-url="/users/some-agent/hovercard"><span>some-agent</span></a></li>',
      '<li><a href="/Copilot" data-hovercard-url="/users/Copilot/hovercard"><span>Copilot</span></a></li>',
    ].join('');
    // Only agents assigned: nobody's (quiet), not unknown.
    expect(
      (await github.ownership(github.artifact(here(), document)!, document, signal()))?.owner,
    ).toEqual([]);
    const links = [...document.querySelectorAll('[data-testid="issue-assignees"] a')];
    expect(links.map(isBotOrAgent)).toEqual([true, true, true, true]);
    expect(isBotOrAgent(q('[data-testid="issue-body-header-author"]'))).toBe(false);
  });

  it('several assignees: all their identities (the roster picks the report)', async () => {
    load('issue', '/acme/shop/issues/12');
    q('[data-testid="issue-assignees"]').insertAdjacentHTML(
      'beforeend',
      '<li><a href="/bokafor" data-hovercard-url="/users/bokafor/hovercard"><img alt="Bob Okafor" src="" /><span>bokafor</span></a></li>',
    );
    const ownership = await github.ownership(
      github.artifact(here(), document)!,
      document,
      signal(),
    );
    expect(ownership?.owner).toEqual(['achen', 'bokafor', 'Bob Okafor']);
  });

  it('an unassigned issue is nobody’s (empty owner, not unknown), even though someone opened it', async () => {
    load('issue', '/acme/shop/issues/12');
    q('[data-testid="issue-assignees"]').replaceWith(
      Object.assign(document.createElement('p'), { textContent: 'No one assigned' }),
    );
    expect(await github.ownership(github.artifact(here(), document)!, document, signal())).toEqual({
      owner: [],
      viewer: ['dana-lead'],
    });
  });

  it('reads the legacy assignees list', async () => {
    load('issue', '/acme/shop/issues/12');
    q('[data-testid="sidebar-assignees-section"]').outerHTML =
      '<span class="js-issue-assignees"><a class="assignee" href="/bokafor" data-hovercard-type="user" data-hovercard-url="/users/bokafor/hovercard"><img class="avatar" alt="@bokafor" /><span class="css-truncate-target">bokafor</span></a></span>';
    expect(
      (await github.ownership(github.artifact(here(), document)!, document, signal()))?.owner,
    ).toEqual(['bokafor']);
  });

  it('is null when the page shows no assignees at all (markup changed)', async () => {
    load('issue', '/acme/shop/issues/12');
    q('[data-testid="sidebar-assignees-section"]').remove();
    expect(
      await github.ownership(github.artifact(here(), document)!, document, signal()),
    ).toBeNull();
  });

  it("a pull request is its author's work, not its reviewers', assignees' or commenters'", async () => {
    load('pull', '/acme/shop/pull/20');
    expect(await github.ownership(github.artifact(here(), document)!, document, signal())).toEqual({
      owner: ['bokafor'],
      viewer: ['dana-lead'],
    });
  });

  it("a pull request's author from the React header's author link", async () => {
    load('pull', '/acme/shop/pull/20');
    q('.gh-header-meta').remove();
    q('.js-command-palette-pull-body').remove();
    q('main').insertAdjacentHTML(
      'afterbegin',
      '<a data-testid="issue-body-header-author" href="/carolp">carolp</a>',
    );
    expect(
      (await github.ownership(github.artifact(here(), document)!, document, signal()))?.owner,
    ).toEqual(['carolp']);
  });

  it("a pull request's author from the tab's title when the page shows none (Files tab of a redesign)", async () => {
    load('pull', '/acme/shop/pull/20/files');
    q('.gh-header-meta').remove();
    q('.js-command-palette-pull-body').remove();
    expect(
      (await github.ownership(github.artifact(here(), document)!, document, signal()))?.owner,
    ).toEqual(['bokafor']);
    document.title = 'Add Apple Pay · Pull Request #20 · acme/shop';
    expect(
      await github.ownership(github.artifact(here(), document)!, document, signal()),
    ).toBeNull();
  });

  it('a file has no owner on GitHub: empty, so only a claim can name a report', async () => {
    load('edit', '/acme/shop/edit/main/docs/README.md');
    expect(await github.ownership(github.artifact(here(), document)!, document, signal())).toEqual({
      owner: [],
      viewer: ['dana-lead'],
    });
  });

  it('an empty viewer when signed out', async () => {
    load('pull', '/acme/shop/pull/20');
    q('meta[name="user-login"]').remove();
    expect(
      (await github.ownership(github.artifact(here(), document)!, document, signal()))?.viewer,
    ).toEqual([]);
  });

  it('rejects when the signal is already aborted (navigated away)', async () => {
    load('issue', '/acme/shop/issues/12');
    const controller = new AbortController();
    controller.abort();
    await expect(
      github.ownership(github.artifact(here(), document)!, document, controller.signal),
    ).rejects.toThrow();
  });
});

describe('isContentEditor', () => {
  describe('issue (React view)', () => {
    it("is true for the header's title field that replaces the heading", () => {
      load('issue', '/acme/shop/issues/12');
      const input = Object.assign(document.createElement('input'), {
        type: 'text',
        placeholder: 'Title',
      });
      q('[data-component="TitleArea"]').replaceChildren(input);
      expect(github.isContentEditor(input)).toBe(true);
    });

    it("is true for the description's markdown editor", () => {
      load('issue', '/acme/shop/issues/12');
      expect(github.isContentEditor(byId('body-editor'))).toBe(true);
    });

    it('is false for the comment composer and for editing a comment: conversation', () => {
      load('issue', '/acme/shop/issues/12');
      expect(github.isContentEditor(byId('new-comment'))).toBe(false);
      expect(github.isContentEditor(byId('comment-edit'))).toBe(false);
    });

    it('is false for a "Title" field in a dialog (a new sub-issue), and the global search', () => {
      load('issue', '/acme/shop/issues/12');
      expect(github.isContentEditor(byId('sub-issue-title'))).toBe(false);
      expect(github.isContentEditor(byId('global-search'))).toBe(false);
    });

    it('is false for things that take no typing: the heading, a disabled or read-only editor', () => {
      load('issue', '/acme/shop/issues/12');
      expect(github.isContentEditor(q('h1'))).toBe(false);
      const body = byId('body-editor') as HTMLTextAreaElement;
      body.readOnly = true;
      expect(github.isContentEditor(body)).toBe(false);
      body.readOnly = false;
      body.disabled = true;
      expect(github.isContentEditor(body)).toBe(false);
    });

    it('is false on pages that are not an item (the same field on /issues/new)', () => {
      load('issue', '/acme/shop/issues/new');
      expect(github.isContentEditor(byId('body-editor'))).toBe(false);
    });
  });

  describe('pull request (Rails view)', () => {
    it("is true for the header's title form and the description's edit form", () => {
      load('pull', '/acme/shop/pull/20');
      expect(github.isContentEditor(byId('issue_title'))).toBe(true);
      expect(github.isContentEditor(byId('pull_request_body_20'))).toBe(true);
    });

    it('is true for the title on the Files tab too', () => {
      load('pull', '/acme/shop/pull/20/files');
      expect(github.isContentEditor(byId('issue_title'))).toBe(true);
    });

    it('is false for the new comment, a review reply and the review summary: conversation', () => {
      load('pull', '/acme/shop/pull/20');
      expect(github.isContentEditor(byId('new_comment_field'))).toBe(false);
      expect(github.isContentEditor(byId('review-reply'))).toBe(false);
      expect(github.isContentEditor(byId('pull_request_review_body'))).toBe(false);
    });

    it('is false for a comment box even inside the description (an inline reply)', () => {
      load('pull', '/acme/shop/pull/20');
      q('.js-command-palette-pull-body').insertAdjacentHTML(
        'beforeend',
        '<div class="js-inline-comment-form"><textarea id="inline"></textarea></div>',
      );
      expect(github.isContentEditor(byId('inline'))).toBe(false);
      // The same textarea outside the comment form would be the description's.
      byId('inline').parentElement!.classList.remove('js-inline-comment-form');
      expect(github.isContentEditor(byId('inline'))).toBe(true);
    });
  });

  describe('file editor', () => {
    it("is true for CodeMirror's content (and a line inside it) and the file name", () => {
      load('edit', '/acme/shop/edit/main/docs/README.md');
      expect(github.isContentEditor(q('.cm-content'))).toBe(true);
      expect(github.isContentEditor(byId('first-line'))).toBe(true);
      expect(github.isContentEditor(byId('file-name'))).toBe(true);
    });

    it('is false for the commit message', () => {
      load('edit', '/acme/shop/edit/main/docs/README.md');
      expect(github.isContentEditor(byId('commit-message-input'))).toBe(false);
      expect(github.isContentEditor(byId('commit-description'))).toBe(false);
    });

    it('is false for the same editor on a new file (/new/): no artifact to own', () => {
      load('edit', '/acme/shop/new/main/docs');
      expect(github.isContentEditor(q('.cm-content'))).toBe(false);
    });
  });
});

describe('surfaces and the 2026 markup', () => {
  it('the sidebar and its pickers are planning; title and description content; comments conversation', () => {
    load('issue', '/acme/shop/issues/12');
    const kind = (selector: string) => surfaceKindOf(q(selector), surfaces);
    expect(kind('[data-testid="sidebar-assignees-section"] h3')).toBe('planning');
    expect(kind('[data-testid="sidebar-labels-section"] h3')).toBe('planning');
    expect(kind('#sub-issue-title')).toBe('planning');
    expect(kind('bdi[data-testid="issue-title"]')).toBe('content');
    expect(kind('#body-editor')).toBe('content');
    expect(kind('#new-comment')).toBe('conversation');
    expect(kind('#comment-edit')).toBe('conversation');
    for (const s of surfaces) expect(s.evidence, s.selector).toBeTruthy();
  });

  it('strips " · GitHub" from the tab title: while the title is edited the item is still named by its title', () => {
    load('issue', '/acme/shop/issues/12');
    document.title = 'Checkout button copy · Issue #12 · Acme/Shop · GitHub';
    q('[data-testid="issue-title"]').remove();
    expect(github.artifact(here(), document)?.title).toBe('Checkout button copy');
  });

  it('a merged pull request with the React header: the author, never the merger the header links', async () => {
    load('pull', '/acme/shop/pull/20');
    document.title = 'Add Apple Pay by bokafor · Pull Request #20 · acme/shop · GitHub';
    q('#partial-discussion-header').outerHTML =
      '<header class="prc-PageLayout-Header-0of-R"><div class="prc-PageLayout-HeaderContent-gdFfN"><div class="prc-PageHeader-TitleArea-2n2J0">' +
      '<h1 class="prc-PageHeader-Title-p0Mgh"><span class="f1 text-normal markdown-title">Add Apple Pay</span><span class="sr-only">- #20</span></h1></div>' +
      '<div class="prc-PageHeader-Description-w-ejP">Merged · <a href="/carolp" data-hovercard-url="/users/carolp/hovercard">carolp</a> merged 3 commits into main</div></div></header>';
    q('.js-command-palette-pull-body').remove();
    expect(github.artifact(here(), document)?.title).toBe('Add Apple Pay');
    expect(
      (await github.ownership(github.artifact(here(), document)!, document, signal()))?.owner,
    ).toEqual(['bokafor']);
  });

  it('take-over: picking an unselected person in the 2026 picker (Primer’s portal) assigns them, login and name read apart; unselecting or a PR does not', () => {
    load('issue', '/acme/shop/issues/12');
    // The picker is not inside the sidebar, and only its filter box says "assignees" itself.
    expect(q('#__primerPortalRoot__').contains(byId('o-dana'))).toBe(true);
    expect(q('[data-testid="sidebar-assignees-section"]').contains(byId('o-dana'))).toBe(false);
    expect(byId('o-dana').textContent!.replace(/\s+/g, '')).toBe('dana-leadDanaLead');
    expect(github.takeover!.assignedBy(byId('o-dana').querySelector('img')!)).toEqual({
      to: 'person',
      identity: ['dana-lead', 'Dana Lead'],
    });
    expect(github.takeover!.assignedBy(byId('o-achen'))).toBeNull();
    expect(github.takeover!.assigneeOnPage(document)).toEqual(['achen']);
    setUrl(`${ORIGIN}/acme/shop/pull/20`);
    expect(github.takeover!.assignedBy(byId('o-dana'))).toBeNull();
  });

  it('the picker is known by its name through aria-labelledby, or by its "Filter assignees" box alone; other pickers are not', () => {
    load('issue', '/acme/shop/issues/12');
    const dialog = q('#__primerPortalRoot__ [role="dialog"]');
    q('input[aria-label="Filter assignees"]').remove();
    expect(github.takeover!.assignedBy(byId('o-bob'))).toMatchObject({ to: 'person' });
    dialog.removeAttribute('aria-labelledby');
    expect(github.takeover!.assignedBy(byId('o-bob'))).toBeNull();
    dialog.insertAdjacentHTML(
      'afterbegin',
      '<input role="combobox" aria-label="Filter assignees">',
    );
    expect(github.takeover!.assignedBy(byId('o-bob'))).toMatchObject({ to: 'person' });
    // A labels picker in the same portal: its options assign nobody.
    q('#__primerPortalRoot__').insertAdjacentHTML(
      'beforeend',
      '<div role="dialog" aria-labelledby="labels-title"><h1 id="labels-title">Apply labels to this issue</h1><input role="combobox" aria-label="Filter labels"><ul role="listbox"><li role="option" id="l-bug" aria-selected="false"><span class="prc-ActionList-ItemLabel-x">bug</span></li></ul></div>',
    );
    expect(github.takeover!.assignedBy(byId('l-bug'))).toBeNull();
  });

  it('an option without ActionList slots: each piece of text on its own, and the avatar’s login', () => {
    load('issue', '/acme/shop/issues/12');
    byId('o-bob').innerHTML =
      '<img alt="@bokafor" src=""><span>bokafor</span><span>Bob Okafor</span><svg aria-hidden="true"><text>✓</text></svg>';
    expect(optionIdentity(byId('o-bob'))).toEqual(['bokafor', 'Bob Okafor']);
  });
});
