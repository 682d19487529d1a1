// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asana, asanaAssignee, asanaTask, surfaces } from '@/utils/sites/asana';
import { surfaceKindOf } from '@/utils/sites/types';
import { adapterFor } from '@/utils/sites/registry';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/asana/task.html'), 'utf8');
const ORIGIN = 'https://app.asana.com';
const PROJECT = '1204000000000001';
const TASK = '1204000000000142';
const taskUrl = new URL(`${ORIGIN}/0/${PROJECT}/${TASK}`);

beforeEach(() => {
  document.body.innerHTML = fixture;
});
afterEach(() => {
  document.body.innerHTML = '';
});

const q = (selector: string) => document.querySelector(selector)!;
const byId = (id: string) => document.getElementById(id)!;
const pane = () => q('article.TaskPane');
const titleField = () => q('.TaskPaneTitle textarea') as HTMLTextAreaElement;
const description = () => q('.TaskPaneDescription .ProseMirror');
// The token is #task_pane_assignee_input itself (docs/evidence/asana.md, Whose task it is); the old fixture wrapped it in
// .TaskPaneAssigneeToken. Tests that replace the token replace its container's content.
const token = () => q('.TaskPaneFields-assigneeContainer');
const signal = () => new AbortController().signal;
const ownership = (url = taskUrl) =>
  asana.ownership(asana.artifact(url, document)!, document, signal());

describe('asanaTask', () => {
  it('reads the task from /0/<project>/<task> and its full-screen /f form', () => {
    expect(asanaTask(taskUrl)).toEqual({ id: TASK, path: `/0/${PROJECT}/${TASK}` });
    expect(asanaTask(new URL(`${ORIGIN}/0/${PROJECT}/${TASK}/f`))).toEqual({
      id: TASK,
      path: `/0/${PROJECT}/${TASK}`,
    });
    expect(asanaTask(new URL(`${ORIGIN}/0/0/${TASK}/`))).toEqual({
      id: TASK,
      path: `/0/0/${TASK}`,
    });
  });

  it('reads the task from the /1/<workspace>/…/task/<task> scheme', () => {
    expect(asanaTask(new URL(`${ORIGIN}/1/1100/project/${PROJECT}/task/${TASK}`))).toEqual({
      id: TASK,
      path: `/1/1100/project/${PROJECT}/task/${TASK}`,
    });
    expect(
      asanaTask(new URL(`${ORIGIN}/1/1100/project/${PROJECT}/task/${TASK}?focus=true`))?.id,
    ).toBe(TASK);
    expect(asanaTask(new URL(`${ORIGIN}/1/1100/project/${PROJECT}/task/${TASK}/f`))?.path).toBe(
      `/1/1100/project/${PROJECT}/task/${TASK}`,
    );
    expect(asanaTask(new URL(`${ORIGIN}/1/1100/task/${TASK}`))).toEqual({
      id: TASK,
      path: `/1/1100/task/${TASK}`,
    });
    expect(asanaTask(new URL(`${ORIGIN}/1/1100/project/${PROJECT}/list/77/task/${TASK}`))?.id).toBe(
      TASK,
    );
  });

  it('returns null for pages that are not a task, and for garbage', () => {
    for (const path of [
      '/',
      '/0/home/1100',
      '/0/inbox/1100',
      `/0/${PROJECT}`,
      `/0/${PROJECT}/list`,
      `/0/${PROJECT}/board`,
      `/0/${PROJECT}/overview`,
      `/0/${PROJECT}/${TASK}/x`,
      `/0/${PROJECT}/abc`,
      `/1/1100/project/${PROJECT}`,
      `/1/1100/project/${PROJECT}/list/77`,
      `/1/1100/project/${PROJECT}/task/`,
      `/1/1100/project/${PROJECT}/task/abc`,
      `/1/1100/task/${TASK}/subtask`,
      `/2/1100/task/${TASK}`,
      `/task/${TASK}`,
    ]) {
      expect(asanaTask(new URL(`${ORIGIN}${path}`)), path).toBeNull();
    }
  });
});

describe('appliesTo', () => {
  it('takes app.asana.com, not asana.com, lookalikes or other subdomains', () => {
    expect(adapterFor(taskUrl)).toBe(asana);
    expect(asana.appliesTo(new URL('https://asana.com/guide'))).toBe(false);
    expect(asana.appliesTo(new URL(`https://app.asana.com.evil.test/0/1/2`))).toBe(false);
    expect(asana.appliesTo(new URL(`https://form.asana.com/?k=1`))).toBe(false);
    expect(asana.matches).toEqual(['https://app.asana.com/*']);
  });
});

describe('artifact', () => {
  it('reads the task id, the name (the field’s current value) and the task’s URL', () => {
    titleField().value = 'Checkout button copy (v2)';
    expect(asana.artifact(new URL(`${ORIGIN}/0/${PROJECT}/${TASK}/f?x=1#y`), document)).toEqual({
      key: TASK,
      title: 'Checkout button copy (v2)',
      url: `${ORIGIN}/0/${PROJECT}/${TASK}`,
    });
  });

  it('keeps the /1/ URL, project included (a claim on the project covers its tasks)', () => {
    expect(
      asana.artifact(new URL(`${ORIGIN}/1/1100/project/${PROJECT}/task/${TASK}`), document)?.url,
    ).toBe(`${ORIGIN}/1/1100/project/${PROJECT}/task/${TASK}`);
  });

  it('reads the name from older task panes', () => {
    const legacy =
      '<div class="SingleTaskPane"><div class="SingleTaskTitleInput-taskName"><textarea>Legacy name</textarea></div></div>';
    pane().remove();
    document.body.insertAdjacentHTML('beforeend', legacy);
    expect(asana.artifact(taskUrl, document)?.title).toBe('Legacy name');
  });

  it('reads the name from the Sol title input alone (no TaskPaneTitle block, no "Task Name" label)', () => {
    q('.TaskPaneTitle').replaceWith(q('.TitleInput'));
    expect(q('.TitleInput textarea').getAttribute('aria-label')).toBeNull();
    expect(asana.artifact(taskUrl, document)?.title).toBe('Checkout button copy');
    expect(asana.isContentEditor(q('.TitleInput textarea'))).toBe(true);
  });

  it('reads a name the lead may not edit: read-only and comment-only titles are text, and take no typing', () => {
    for (const [block, cls] of [
      ['ReadOnlyTitleInput', 'ReadOnlyTitleInput-name'],
      ['CommentOnlyTaskTitleRow', 'CommentOnlyTaskTitleRow-name'],
    ]) {
      q('.TaskPaneTitle').replaceChildren();
      q('.TaskPaneTitle').insertAdjacentHTML(
        'beforeend',
        `<div class="${block}"><h2 class="${cls}">Payment audit</h2></div>`,
      );
      expect(asana.artifact(taskUrl, document)?.title, cls).toBe('Payment audit');
      expect(asana.isContentEditor(q(`.${cls}`)), cls).toBe(false);
    }
  });

  it('reads the name from the 2022-2023 title row (no TaskPaneTitle block)', () => {
    q('.TaskPaneTitle').classList.remove('TaskPaneTitle');
    expect(asana.artifact(taskUrl, document)?.title).toBe('Checkout button copy');
  });

  it('in the inbox (no task in the URL), takes the open task pane’s task', () => {
    expect(asana.artifact(new URL(`${ORIGIN}/0/inbox/1100`), document)).toEqual({
      key: TASK,
      title: 'Checkout button copy',
      url: `${ORIGIN}/0/0/${TASK}`,
    });
  });

  it('is null off a task when no task pane is open', () => {
    pane().remove();
    expect(asana.artifact(new URL(`${ORIGIN}/0/${PROJECT}/list`), document)).toBeNull();
    expect(asana.artifact(new URL(`${ORIGIN}/0/home/1100`), document)).toBeNull();
  });

  it('reads no name from a pane that shows another task (Asana is still swapping tasks)', () => {
    expect(asana.artifact(new URL(`${ORIGIN}/0/${PROJECT}/1204000000000143`), document)).toEqual({
      key: '1204000000000143',
      title: '',
      url: `${ORIGIN}/0/${PROJECT}/1204000000000143`,
    });
  });
});

describe('ownership', () => {
  it('reads the assignee’s name from the task pane’s token (not the avatar’s initials), and no viewer', async () => {
    expect(await ownership()).toEqual({ owner: ['Alice Chen'], viewer: [] });
  });

  it('reads the name from the token’s text when the name label is gone', () => {
    q('.AssigneeTokenButton-label').outerHTML = '<div class="Label_x9">Alice&nbsp;Chen</div>';
    expect(asanaAssignee(pane())).toEqual(['Alice Chen']);
  });

  it('an unassigned task ("No assignee") is owned by nobody (empty owner), not "not found"', async () => {
    token().innerHTML =
      '<div id="task_pane_assignee_input" role="button" class="SubtleTokenButton--empty SubtleTokenButton AssigneeTokenButton--empty AssigneeTokenButton AssigneeToken"><div class="PlaceholderAvatar" aria-hidden="true"></div><span class="AssigneeTokenButton-label">No assignee</span></div>';
    expect(await ownership()).toEqual({ owner: [], viewer: [] });
    // Without Asana's --empty modifier, the words say the same.
    token().querySelector('#task_pane_assignee_input')!.className = 'AssigneeToken';
    expect(await ownership()).toEqual({ owner: [], viewer: [] });
  });

  it('reads the older single-task pane’s token', () => {
    const legacy =
      '<div class="SingleTaskPane"><div class="AssigneeToken"><span class="AssigneeToken-userNameLabel">Bob Okafor</span></div></div>';
    pane().remove();
    document.body.insertAdjacentHTML('beforeend', legacy);
    expect(asanaAssignee(document)).toEqual(['Bob Okafor']);
  });

  it('reads a token under a hashed class name', () => {
    const button = q('#task_pane_assignee_input');
    button.removeAttribute('id');
    button.className = 'TaskPaneAssigneeToken_f00d_root';
    token().className = 'LabeledRowStructure-right';
    expect(asanaAssignee(pane())).toEqual(['Alice Chen']);
  });

  it('reads the pane of the task in the URL, not a row or another pane', async () => {
    const other = pane().cloneNode(true) as Element;
    other.setAttribute('data-task-id', '1204000000000143');
    other.querySelector('.AssigneeToken-userNameLabel')!.textContent = 'Bob Okafor';
    pane().before(other);
    expect((await ownership())?.owner).toEqual(['Alice Chen']);
    expect((await ownership(new URL(`${ORIGIN}/0/${PROJECT}/1204000000000143`)))?.owner).toEqual([
      'Bob Okafor',
    ]);
  });

  it('is null when the open pane shows another task than the URL’s (no wrong owner)', async () => {
    expect(await ownership(new URL(`${ORIGIN}/0/${PROJECT}/1204000000000143`))).toBeNull();
  });

  it('is null when there is no assignee token (the markup changed)', async () => {
    q('.TaskPaneFields-assigneeContainer').remove();
    expect(await ownership()).toBeNull();
  });

  it('rejects when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      asana.ownership(asana.artifact(taskUrl, document)!, document, controller.signal),
    ).rejects.toThrow();
  });
});

describe('isContentEditor', () => {
  it('is true for the task name field', () => {
    expect(asana.isContentEditor(titleField())).toBe(true);
  });

  it('is true for the name field of the 2022-2023 title row and the older single-task panes', () => {
    const field = titleField();
    q('.TaskPaneTitle').classList.remove('TaskPaneTitle');
    expect(asana.isContentEditor(field)).toBe(true);
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div class="SingleTaskPane-titleRowInput"><textarea id="legacy"></textarea></div>',
    );
    expect(asana.isContentEditor(byId('legacy'))).toBe(true);
  });

  it('is true for the description editor (and text inside it)', () => {
    expect(asana.isContentEditor(description())).toBe(true);
    expect(asana.isContentEditor(description().querySelector('strong')!)).toBe(true);
  });

  it('is true for the description editor when only its label is left ("Edit description for …")', () => {
    const editor = description();
    q('.TaskPaneFields-taskDescription').replaceWith(editor);
    expect(asana.isContentEditor(editor)).toBe(true);
  });

  it('is false for the comment composer: comments are conversation', () => {
    expect(asana.isContentEditor(byId('composer'))).toBe(false);
    expect(asana.isContentEditor(byId('composer').querySelector('p')!)).toBe(false);
  });

  it('is false for a comment being edited in the story feed', () => {
    expect(asana.isContentEditor(byId('editing-comment'))).toBe(false);
  });

  it('is false for a comment editor even inside the description block, and under hashed class names', () => {
    q('.TaskPaneDescription').insertAdjacentHTML(
      'beforeend',
      '<div class="CommentComposer_9f8e_root"><div id="inline" class="ProseMirror" contenteditable="true"></div></div>',
    );
    expect(asana.isContentEditor(byId('inline'))).toBe(false);
    byId('inline').parentElement!.className = '';
    expect(asana.isContentEditor(byId('inline'))).toBe(true);
  });

  it('is false for other tasks’ names: list rows and subtasks', () => {
    expect(asana.isContentEditor(byId('row-142'))).toBe(false);
    expect(asana.isContentEditor(byId('subtask'))).toBe(false);
  });

  it('is false for the project name, the search box, and things that do not take typing', () => {
    expect(asana.isContentEditor(q('input[aria-label="Project name"]'))).toBe(false);
    expect(asana.isContentEditor(byId('search'))).toBe(false);
    expect(asana.isContentEditor(q('#task_pane_assignee_input'))).toBe(false);
    expect(asana.isContentEditor(q('.TaskPaneTitle'))).toBe(false);
  });

  it('is false for a description that is not editable right now', () => {
    description().setAttribute('contenteditable', 'false');
    expect(asana.isContentEditor(description())).toBe(false);
  });
});

describe('surfaces', () => {
  it('every row names what it is and the evidence it follows', () => {
    for (const s of surfaces) {
      expect(s.what, s.selector).not.toBe('');
      expect(s.evidence, s.selector).toMatch(/docs\/evidence\/asana\.md|older/);
      expect(() => document.querySelector(s.selector), s.selector).not.toThrow();
    }
  });

  it('name and description are content; the composer and the feed are conversation', () => {
    expect(surfaceKindOf(titleField(), surfaces)).toBe('content');
    expect(surfaceKindOf(description().querySelector('p')!, surfaces)).toBe('content');
    expect(surfaceKindOf(byId('composer'), surfaces)).toBe('conversation');
    expect(surfaceKindOf(byId('editing-comment'), surfaces)).toBe('conversation');
  });

  it('assignee, due date, projects and tags are planning: never a prompt', () => {
    for (const id of [
      'task_pane_assignee_input',
      'task_pane_due_date_input',
      'task_pane_projects_input1204000000000001',
      'tags',
    ]) {
      expect(surfaceKindOf(byId(id), surfaces), id).toBe('planning');
    }
    expect(asana.isContentEditor(byId('task_pane_projects_input1204000000000001'))).toBe(false);
    expect(asana.isContentEditor(byId('tags'))).toBe(false);
    // The due date's and the assignee's typeaheads, once opened, are inputs in place of the tokens.
    byId('task_pane_due_date_input').outerHTML =
      '<input id="task_pane_due_date_input" type="text" value="Feb 22" />';
    expect(asana.isContentEditor(byId('task_pane_due_date_input'))).toBe(false);
    token().innerHTML =
      '<input id="task_pane_assignee_input" type="text" aria-describedby="task_pane_assignee_label" value="Ali" />';
    expect(asana.isContentEditor(byId('task_pane_assignee_input'))).toBe(false);
  });
});
