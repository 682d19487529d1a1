// @vitest-environment happy-dom
/**
 * Taking over on Linear (docs/evidence/linear.md, Taking over): `I` outside a text field assigns
 * the viewed issue to the lead; a pick in the assignment menu ("Assign to me") does too. Either
 * sends a 'takeover' naming the assignee the rail showed before; typing an "i", an unassigned
 * issue, other menus and "No assignee" send nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { linear, linearPageAdapter } from '@/utils/sites/linear';
import { click, setUrl, triggerWithLateLookups, watchTakeovers } from './takeover-harness';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/linear/issue.html'), 'utf8');

const q = (selector: string) => document.querySelector(selector)!;
const assigneeButton = () => document.querySelectorAll('button[data-detail-button="true"]')[2]!;

/** What Linear does after its own keydown handler: the rail now shows the lead. */
function linearAssignsDana() {
  assigneeButton().innerHTML = '<img alt="Dana Lead" src="/d.png"><span>Dana Lead</span>';
}

function press(target: Element, key: string, init: KeyboardEventInit = {}) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
}

const watch = () => watchTakeovers(linear);

/** Linear's assignment menu as a portal menu with a filter box (its real markup is unseen). */
function openAssignMenu(options: string[]) {
  assigneeButton().setAttribute('aria-expanded', 'true');
  q('#portalLayoutRoot').innerHTML =
    `<div role="menu"><input type="text" placeholder="Assign to…">${options
      .map(
        (o, i) =>
          `<div role="menuitem" id="o${i}"><img alt="" src="/a.png"><span>${o}</span></div>`,
      )
      .join('')}</div>`;
}

beforeEach(() => {
  setUrl('https://linear.app/acme/issue/ENG-123/checkout-button-copy');
  document.body.innerHTML = fixture;
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('Linear take-over: the I shortcut', () => {
  it('I outside a text field sends a takeover naming the assignee the rail showed before', async () => {
    const { sent, watcher } = watch();
    document.addEventListener('keydown', linearAssignsDana, { once: true });
    press(document.body, 'i');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      kind: 'takeover',
      tool: 'linear',
      owner: ['Alice Chen'],
      artifact: { key: 'ENG-123', url: 'https://linear.app/acme/issue/ENG-123' },
    });
    watcher.stop();
  });

  it('an "i" typed in the title or description, with a modifier, or held down sends nothing; nor does A', async () => {
    const { sent, watcher } = watch();
    press(q('[aria-label="Issue description"] p'), 'i');
    press(q('[aria-label="Issue title"]'), 'I', { shiftKey: true });
    press(document.body, 'i', { metaKey: true });
    press(document.body, 'i', { ctrlKey: true });
    press(document.body, 'i', { repeat: true });
    press(document.body, 'a');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toEqual([]);
    watcher.stop();
  });

  it('I on an issue nobody had, or off an issue page, sends nothing', async () => {
    assigneeButton().innerHTML = '<svg></svg><span>Assign</span>';
    const { sent, watcher } = watch();
    press(document.body, 'i');
    setUrl('https://linear.app/acme/team/ENG/active');
    press(document.body, 'i');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toEqual([]);
    watcher.stop();
  });

  it('before the watcher is there, the trigger keeps I with the rail as it was and the watcher judges it', async () => {
    const { trigger, load, arrive, sent } = triggerWithLateLookups(linear, linearPageAdapter);
    press(q('[aria-label="Issue title"]'), 'i');
    press(document.body, 'x');
    expect(load).not.toHaveBeenCalled();
    press(document.body, 'i');
    expect(load).toHaveBeenCalled();
    linearAssignsDana();
    arrive();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ kind: 'takeover', tool: 'linear', owner: ['Alice Chen'] });
    trigger.stop();
  });
});

describe('Linear take-over: quiet while typing on in a waiting item', () => {
  it('the key listeners step aside while the page is quiet (a watcher arriving then starts quiet); woken, I is heard again', async () => {
    const { trigger, load, arrive, sent } = triggerWithLateLookups(linear, linearPageAdapter);
    trigger.quiet(true);
    press(document.body, 'i');
    expect(load).not.toHaveBeenCalled();
    click(assigneeButton()); // A press in the zone still brings the watcher, quiet.
    expect(load).toHaveBeenCalled();
    arrive();
    await new Promise((resolve) => setTimeout(resolve, 0));
    press(document.body, 'i');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([]);

    trigger.quiet(false);
    document.addEventListener('keydown', linearAssignsDana, { once: true });
    press(document.body, 'i');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ kind: 'takeover', tool: 'linear', owner: ['Alice Chen'] });
    trigger.stop();
  });
});

describe('Linear take-over: the assignment menu', () => {
  it('"Assign to me" in the menu sends a takeover naming the assignee from before', async () => {
    const { sent, watcher } = watch();
    press(document.body, 'a');
    openAssignMenu(['No assignee', 'Assign to me', 'Bob Okafor']);
    click(q('#o1 span'));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ kind: 'takeover', owner: ['Alice Chen'] });
    watcher.stop();
  });

  it('"No assignee" and picks in other menus send nothing', async () => {
    const { sent, watcher } = watch();
    openAssignMenu(['No assignee']);
    click(q('#o0'));
    assigneeButton().setAttribute('aria-expanded', 'false');
    q('#portalLayoutRoot').innerHTML =
      '<div role="menu"><input placeholder="Change status…"><div role="menuitem" id="s">Assign to me</div></div>';
    click(q('#s'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toEqual([]);
    watcher.stop();
  });

  it('a person picked cannot be told from the lead (Linear does not say who the lead is): adapter health says so, nothing is sent', async () => {
    const { sent, diagnosed, watcher } = watch();
    openAssignMenu(['Dana Lead']);
    click(q('#o0'));
    await vi.waitFor(() => expect(diagnosed).toHaveLength(1));
    expect(diagnosed[0]).toMatch(/who you are could not be read/);
    expect(sent).toEqual([]);
    watcher.stop();
  });
});
