// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createInterventionPrompt,
  type InterventionPromptView,
  type AnswerOptions,
  type LifecycleActions,
  type PromptRequest,
} from '@/components/prompt/InterventionPrompt';
import { EXTEND_MINUTES, formatDateClock, formatDayClock } from '@/utils/model/durations';
import type { KeepUntil } from '@/utils/model/constants';
import type { AnswerResult, PromptChoice } from '@/utils/protocol/messages';
import { intervention, promptRecord } from '@/tests/unit/helpers';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)> Fix checkout';

const askRequest: PromptRequest = {
  kind: 'ask',
  promptId: 'p1',
  report: { id: 'alice', name: 'Alice Chen' },
  artifact: {
    key: 'PAY-142',
    title: HOSTILE_TITLE,
    url: 'https://acme.atlassian.net/browse/PAY-142',
  },
  toolLabel: 'Jira',
};

/** Runs a step, then lets the prompt's promises settle (as the page would before the next event). */
async function act(step: () => unknown | Promise<unknown>) {
  await step();
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

let container: HTMLDivElement;
let view: InterventionPromptView | undefined;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  view?.destroy();
  view = undefined;
  container.remove();
  vi.useRealTimers();
});

function mount(
  request: PromptRequest = askRequest,
  overrides: Partial<{
    onAnswer: (a: PromptChoice, o: AnswerOptions) => Promise<AnswerResult>;
  }> = {},
) {
  const started = intervention({ id: 'i1', plannedEndAt: '2026-11-28T10:15:00.000Z' });
  const onAnswer = vi.fn(
    overrides.onAnswer ??
      (async (answer: PromptChoice): Promise<AnswerResult> => ({
        prompt: promptRecord({ id: 'p1', answer }),
        intervention: answer === 'deliberate' ? started : null,
      })),
  );
  const onClose = vi.fn();
  const lifecycle = {
    end: vi.fn(async (id: string) =>
      intervention({ id, status: 'ended', endedAt: '2026-11-28T10:20:00.000Z' }),
    ),
    extend: vi.fn(async (id: string, _minutes: number) => intervention({ id })),
    keep: vi.fn(async (id: string, until: KeepUntil) =>
      intervention({
        id,
        kind: 'takeover',
        plannedUntil: until === 'done' ? 'done' : 'day',
        plannedEndAt: '2026-12-11T17:00:00.000Z',
      }),
    ),
    recordClosing: vi.fn(async () => undefined),
    annotate: vi.fn(async (id: string) => intervention({ id })),
    closingLine: vi.fn(async () => ''),
  } satisfies LifecycleActions;
  view = createInterventionPrompt({ request, onAnswer, lifecycle, onClose });
  container.append(view.element);
  return { onAnswer, onClose, lifecycle };
}

const dialog = () => container.querySelector<HTMLElement>('[role="dialog"]')!;
const buttons = () => [...container.querySelectorAll<HTMLButtonElement>('button')];
function button(label: string | RegExp): HTMLButtonElement {
  const found = buttons().find((b) =>
    typeof label === 'string' ? b.textContent?.trim() === label : label.test(b.textContent ?? ''),
  );
  if (!found)
    throw new Error(
      `no button ${label}; have: ${buttons()
        .map((b) => b.textContent)
        .join(' | ')}`,
    );
  return found;
}
async function click(label: string | RegExp) {
  await act(async () => {
    button(label).click();
  });
}
const plan = () => container.querySelector<HTMLSelectElement>('select')!;
async function choosePlan(label: string) {
  const option = [...plan().options].find((o) => o.text === label);
  if (!option)
    throw new Error(
      `no plan ${label}; have: ${[...plan().options].map((o) => o.text).join(' | ')}`,
    );
  await act(async () => {
    plan().value = option.value;
    plan().dispatchEvent(new Event('change', { bubbles: true }));
  });
}
/** The controls a lead can use in what the card shows now (hidden ones aside). */
const visibleControls = () =>
  [...container.querySelectorAll<HTMLElement>('button, select, input, textarea')].filter(
    (el) => !el.closest('[hidden]'),
  );
const checkIn = {
  quadrant: 'support' as const,
  label: 'Full support',
  week: '2026-W48',
  at: '2026-11-27T10:00:00.000Z',
  purpose: 'details-matter' as const,
};
const title = () => document.getElementById(dialog().getAttribute('aria-labelledby')!)?.textContent;

describe('InterventionPrompt: asking', () => {
  it('is a dialog labelled by its question, naming the report and the issue key', () => {
    mount();
    expect(dialog()).not.toBeNull();
    expect(title()).toBe('Is this a deliberate, temporary intervention?');
    const body = document.getElementById(dialog().getAttribute('aria-describedby')!)!;
    expect(body.textContent).toContain('Alice Chen');
    expect(body.textContent).toContain('PAY-142');
    expect(body.textContent).toContain('Jira');
  });

  it('shows a title with markup as text and never creates elements from it', () => {
    mount();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(HOSTILE_TITLE);
    expect(container.querySelector('.title')?.textContent).toBe(HOSTILE_TITLE);
  });

  it('"Yes" starts with the default purpose and 15 minutes, then confirms', async () => {
    const { onAnswer } = mount();
    await click(/^Yes/);
    expect(onAnswer).toHaveBeenCalledTimes(1);
    expect(onAnswer).toHaveBeenCalledWith('deliberate', {
      purpose: 'back-on-track',
      plannedMinutes: 15,
    });
    expect(title()).toBe('Intervention started');
  });

  it('the first view is light: Yes with its plan in place, No, Not now; no purposes, no words', () => {
    mount();
    expect(
      visibleControls().map((c) => c.getAttribute('aria-label') ?? c.textContent?.trim()),
    ).toEqual([
      'Yes, start the intervention',
      'Pull back after',
      'No, I’ll hand it back',
      'Not now',
    ]);
    expect(container.textContent).not.toContain('Teach a framework');
  });

  it('the plan chosen beside Yes ("1 h") is what Yes sends; then purpose and words annotate it', async () => {
    const { onAnswer, lifecycle, onClose } = mount();
    await choosePlan('1 h');
    await click(/^Yes/);
    expect(onAnswer).toHaveBeenCalledWith('deliberate', {
      purpose: 'back-on-track',
      plannedMinutes: 60,
    });
    expect(title()).toBe('Intervention started');
    await click('Teach a framework');
    expect(button('Teach a framework').getAttribute('aria-pressed')).toBe('true');
    container.querySelector<HTMLInputElement>('.intent input')!.value = '  RACI for the launch ';
    await click('Done');
    expect(lifecycle.annotate).toHaveBeenCalledWith('i1', {
      purpose: 'teach-framework',
      intent: 'RACI for the launch',
    });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('Skip (or Esc) after Yes closes without annotating: the intervention stands as started', async () => {
    const { lifecycle, onClose } = mount();
    await click(/^Yes/);
    await click('Skip');
    expect(lifecycle.annotate).not.toHaveBeenCalled();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('"End of day" names the clock time the background gave and plans to it, never minutes to midnight', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 28, 10, 0, 0));
    const end = new Date(2026, 10, 28, 17, 30);
    const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
    const { onAnswer } = mount({ ...askRequest, context: { workdayEndsAt: end.toISOString() } });
    await choosePlan(`End of day (${clock.format(end)})`);
    await click(/^Yes/);
    expect(onAnswer).toHaveBeenCalledWith('deliberate', {
      purpose: 'back-on-track',
      until: 'end-of-day',
    });
  });

  it('"End of day" after today\'s has passed says tomorrow', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 28, 19, 0, 0));
    const end = new Date(2026, 10, 29, 18, 0);
    const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
    mount({ ...askRequest, context: { workdayEndsAt: end.toISOString() } });
    expect([...plan().options].map((o) => o.text)).toContain(
      `End of day (tomorrow ${clock.format(end)})`,
    );
  });

  it('the check-in is said in a few words, and its purpose is pre-selected after Yes and sent with it', async () => {
    const { onAnswer } = mount({
      ...askRequest,
      context: { workdayEndsAt: new Date().toISOString(), checkIn },
    });
    const said = container.querySelector('.checkin')!.textContent!;
    expect(said).toMatch(
      /^You last rated Alice Chen Full support \((Nov 27|27 Nov)\): details are theirs\.$/,
    );
    expect(container.textContent!.split('details are theirs').length).toBe(2); // Once.
    await click(/^Yes/);
    expect(onAnswer).toHaveBeenCalledWith('deliberate', {
      purpose: 'details-matter',
      plannedMinutes: 15,
    });
    expect(button('The details matter here').getAttribute('aria-pressed')).toBe('true');
    expect(button('Get it back on track').getAttribute('aria-pressed')).toBe('false');
  });

  it('a check-in other than Full support is named, with no advice', () => {
    mount({
      ...askRequest,
      context: {
        workdayEndsAt: new Date().toISOString(),
        checkIn: { ...checkIn, quadrant: 'act-now', label: 'Act now', purpose: 'back-on-track' },
      },
    });
    expect(container.querySelector('.checkin')!.textContent).toMatch(
      /^Check-in: Act now \((Nov 27|27 Nov)\)\.$/,
    );
  });

  it('"Add to ..." joins the open intervention in one click', async () => {
    const { onAnswer } = mount({
      ...askRequest,
      context: {
        workdayEndsAt: new Date().toISOString(),
        joinable: {
          interventionId: 'open-1',
          tool: 'jira',
          artifact: {
            key: 'PAY-307',
            title: 'Retries',
            url: 'https://acme.atlassian.net/browse/PAY-307',
          },
          startedAt: '2026-11-28T09:00:00.000Z',
        },
      },
    });
    expect(visibleControls().length).toBe(5);
    await click('Add to PAY-307');
    expect(onAnswer).toHaveBeenCalledWith('deliberate', { join: 'open-1' });
    expect(title()).toBe('Added to your open intervention');
  });

  it("the lead's default plan length is the plan shown beside Yes, and what Yes sends", async () => {
    const { onAnswer } = mount({
      ...askRequest,
      context: { workdayEndsAt: new Date().toISOString(), plannedMinutes: 25 },
    });
    expect(plan().selectedOptions[0]!.text).toBe('25 min');
    await click(/^Yes/);
    expect(onAnswer).toHaveBeenCalledWith('deliberate', {
      purpose: 'back-on-track',
      plannedMinutes: 25,
    });
  });

  it('"Custom…" with a valid number sends it', async () => {
    const { onAnswer } = mount();
    await choosePlan('Custom…');
    const input = container.querySelector<HTMLInputElement>('input[type="number"]')!;
    await act(async () => {
      input.value = '45';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(/^Yes/);
    expect(onAnswer).toHaveBeenCalledWith('deliberate', {
      purpose: 'back-on-track',
      plannedMinutes: 45,
    });
  });

  it('"Custom…" with 0 (or a fraction) shows an error and does not answer', async () => {
    const { onAnswer } = mount();
    await choosePlan('Custom…');
    const input = container.querySelector<HTMLInputElement>('input[type="number"]')!;
    for (const bad of ['0', '2.5', '']) {
      await act(async () => {
        input.value = bad;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      expect(container.querySelector('.error')?.textContent).toContain('whole number of minutes');
      expect(input.getAttribute('aria-invalid')).toBe('true');
      await click(/^Yes/);
      expect(onAnswer).not.toHaveBeenCalled();
    }
    expect(title()).toBe('Is this a deliberate, temporary intervention?');
  });

  it('"No" records stepped-back and shows a hand-back message naming the report', async () => {
    const { onAnswer, onClose } = mount();
    await click(/^No/);
    expect(onAnswer).toHaveBeenCalledWith('stepped-back', {});
    expect(title()).toBe('Good catch: no intervention');
    expect(container.textContent).toContain('Hand this detail back to Alice Chen');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('"Not now" records dismissed, then closes', async () => {
    const { onAnswer, onClose } = mount();
    await click('Not now');
    expect(onAnswer).toHaveBeenCalledWith('dismissed', {});
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onAnswer.mock.invocationCallOrder[0]!).toBeLessThan(
      onClose.mock.invocationCallOrder[0]!,
    );
  });

  it('Escape means "Not now"', async () => {
    const { onAnswer, onClose } = mount();
    await act(async () => {
      button(/^Yes/).dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
      );
    });
    expect(onAnswer).toHaveBeenCalledWith('dismissed', {});
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('pressing the mouse on any button does not take focus from the page’s editor', () => {
    mount();
    expect(buttons().length).toBeGreaterThanOrEqual(3);
    for (const b of buttons()) {
      const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
      b.dispatchEvent(down);
      expect(down.defaultPrevented, b.textContent ?? '').toBe(true);
    }
  });

  it('shows the error when the answer cannot be saved', async () => {
    mount(askRequest, {
      onAnswer: async () =>
        Promise.reject(new Error('This prompt is no longer known to Pullback.')),
    });
    await click(/^Yes/);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(title()).toBe('Pullback could not save that intervention answer');
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'This prompt is no longer known to Pullback.',
    );
  });

  it('the step after Yes, left alone, closes itself; once the lead is in it, it waits', async () => {
    const { onClose } = mount();
    vi.useFakeTimers();
    await click(/^Yes/);
    expect(onClose).not.toHaveBeenCalled();
    await act(async () => {
      vi.advanceTimersByTime(20_000);
    });
    expect(onClose).toHaveBeenCalledTimes(1);

    view!.destroy();
    const second = mount();
    await click(/^Yes/);
    await act(async () => {
      container.querySelector<HTMLInputElement>('.intent input')!.focus();
      vi.advanceTimersByTime(60_000);
    });
    expect(second.onClose).not.toHaveBeenCalled();
  });
});

describe('InterventionPrompt: taking over', () => {
  const takeover: PromptRequest = { ...askRequest, takeover: true };

  it('is its own card, named for taking over, naming the report and the item, with its own choices', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 28, 10, 0, 0));
    const end = new Date(2026, 10, 28, 18, 0);
    const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
    mount({ ...takeover, context: { workdayEndsAt: end.toISOString() } });
    expect(title()).toMatch(/taking (this|it) over/i);
    expect(title()).not.toMatch(/intervention/i);
    expect(title()).toContain('Alice Chen');
    expect(dialog().textContent).toContain('PAY-142');
    expect(visibleControls().map((c) => c.textContent?.trim())).toEqual([
      `End of day (${clock.format(end)})`,
      'Until a day…',
      'Until it is done',
      'Not a take-over',
      'Not now',
    ]);
    expect(dialog().textContent).not.toMatch(/15 min|hand it back|Teach a framework/);
  });

  it('"End of day" and "Until it is done" record the take-over with that plan', async () => {
    const first = mount(takeover);
    await click(/^End of day/);
    expect(first.onAnswer).toHaveBeenCalledWith('deliberate', {
      purpose: 'back-on-track',
      until: 'end-of-day',
    });
    expect(title()).toMatch(/taking (this|it) over/i);
    view!.destroy();
    const second = mount(takeover);
    await click('Until it is done');
    expect(second.onAnswer).toHaveBeenCalledWith('deliberate', {
      purpose: 'back-on-track',
      until: 'done',
    });
  });

  it('"Until a day…" offers a date, and keeps it until that day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 7, 10, 0, 0));
    const { onAnswer } = mount(takeover);
    await click('Until a day…');
    const day = container.querySelector<HTMLInputElement>('input[type="date"]')!;
    expect(day.closest('[hidden]')).toBeNull();
    day.value = '2026-12-11';
    await click('Keep it until then');
    expect(onAnswer).toHaveBeenCalledWith('deliberate', {
      purpose: 'back-on-track',
      until: 'day',
      untilDay: '2026-12-11',
    });
  });

  it('a day whose working day has ended is explained in the card and sends nothing; the card stays', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 28, 19, 0, 0));
    const { onAnswer } = mount({
      ...takeover,
      context: { workdayEndsAt: new Date(2026, 10, 29, 18, 0).toISOString() },
    });
    await click('Until a day…');
    const day = container.querySelector<HTMLInputElement>('input[type="date"]')!;
    day.value = '2026-11-28'; // Today, its 18:00 gone.
    await click('Keep it until then');
    expect(onAnswer).not.toHaveBeenCalled();
    expect(container.querySelector('#pullback-day-error')!.closest('[hidden]')).toBeNull();
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(title()).toMatch(/taking this over/i);
    day.value = '2026-11-30';
    await click('Keep it until then');
    expect(onAnswer).toHaveBeenCalledWith('deliberate', {
      purpose: 'back-on-track',
      until: 'day',
      untilDay: '2026-11-30',
    });
  });

  it('"Not a take-over" records that answer and closes', async () => {
    const { onAnswer, onClose } = mount(takeover);
    await click('Not a take-over');
    expect(onAnswer).toHaveBeenCalledWith('not-takeover', {});
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('InterventionPrompt: overdue', () => {
  const overdue: PromptRequest = {
    kind: 'overdue',
    intervention: intervention({ id: 'i9', plannedEndAt: '2026-11-28T10:15:00.000Z' }),
    report: { id: 'alice', name: 'Alice Chen' },
    artifact: askRequest.artifact,
    toolLabel: 'Jira',
  };

  it('asks whether to pull back, and "End it" ends the intervention and asks the closing questions', async () => {
    const { lifecycle } = mount(overdue);
    expect(title()).toBe('Time to pull back from this intervention?');
    await click('End it');
    expect(lifecycle.end).toHaveBeenCalledWith('i9');
    expect(title()).toBe('Intervention ended: hand it back');
  });

  it(`"${EXTEND_MINUTES} more minutes" extends and closes`, async () => {
    const { lifecycle, onClose } = mount(overdue);
    await click(`${EXTEND_MINUTES} more minutes`);
    expect(lifecycle.extend).toHaveBeenCalledWith('i9', EXTEND_MINUTES);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('Escape closes without ending anything', async () => {
    const { lifecycle, onClose, onAnswer } = mount(overdue);
    await act(async () => {
      dialog().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(lifecycle.end).not.toHaveBeenCalled();
    expect(onAnswer).not.toHaveBeenCalled();
  });
});

describe('InterventionPrompt: a take-over past its planned end', () => {
  // Bob's item taken over until Thu 10 Dec's working-day end; the next one is Fri 11 Dec's.
  const plannedEndAt = '2026-12-10T17:00:00.000Z';
  const keepUntil = '2026-12-11T17:00:00.000Z';
  const overdueTakeover: PromptRequest = {
    kind: 'overdue',
    intervention: intervention({
      id: 't1',
      kind: 'takeover',
      plannedUntil: 'day',
      plannedEndAt,
      reportId: 'bob',
    }),
    report: { id: 'bob', name: 'Bob Okafor' },
    artifact: {
      key: 'PAY-202',
      title: 'Refunds',
      url: 'https://acme.atlassian.net/browse/PAY-202',
    },
    toolLabel: 'Jira',
    keepUntil,
  };

  it('asks in take-over words, says the planned hand-back as a clock time, and offers its plans, not minutes', () => {
    mount(overdueTakeover);
    expect(title()).toMatch(/taking (this|it) over/i);
    expect(title()).not.toMatch(/intervention/i);
    expect(document.getElementById('pullback-prompt-body')?.textContent).toBe(
      `You planned to hand PAY-202 back to Bob Okafor by ${formatDateClock(new Date(plannedEndAt))}.`,
    );
    expect(visibleControls().map((b) => b.textContent)).toEqual([
      'Hand it back',
      `Keep it until ${formatDayClock(new Date(keepUntil))}`,
      'Until it is done',
      'Not now',
    ]);
    expect(dialog().textContent).not.toMatch(/min/);
  });

  it('"Hand it back" ends it and asks the closing questions, as End it does', async () => {
    const { lifecycle } = mount(overdueTakeover);
    await click('Hand it back');
    expect(lifecycle.end).toHaveBeenCalledWith('t1');
    expect(title()).toBe('Intervention ended: hand it back');
  });

  it('"Keep it until …" keeps it to the next working day\'s end and says until when', async () => {
    const { lifecycle } = mount(overdueTakeover);
    await click(/^Keep it until/);
    expect(lifecycle.keep).toHaveBeenCalledWith('t1', 'next-workday-end');
    expect(lifecycle.extend).not.toHaveBeenCalled();
    expect(dialog().textContent).toMatch(/PAY-202.* is yours until /);
  });

  it('"Until it is done" switches the plan to until done', async () => {
    const { lifecycle } = mount(overdueTakeover);
    await click('Until it is done');
    expect(lifecycle.keep).toHaveBeenCalledWith('t1', 'done');
    expect(dialog().textContent).toMatch(/yours until it is done/);
  });
});

describe('InterventionPrompt: only the lead answers', () => {
  /** A click as a page script makes it through the open shadow root (`isTrusted` false in a browser). */
  const scriptClick = (b: HTMLElement) => {
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'isTrusted', { value: false });
    b.dispatchEvent(event);
  };

  it('a page script clicking Yes, No or Not now, or pressing Esc, answers nothing', async () => {
    const { onAnswer, onClose } = mount();
    await act(() => {
      scriptClick(button(/^Yes/));
      scriptClick(button(/^No/));
      scriptClick(button('Not now'));
      const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
      Object.defineProperty(esc, 'isTrusted', { value: false });
      dialog().dispatchEvent(esc);
    });
    expect(onAnswer).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(title()).toBe('Is this a deliberate, temporary intervention?');
  });

  it('a page script clicking End it or the closing answers changes nothing', async () => {
    const overdue: PromptRequest = {
      kind: 'overdue',
      intervention: intervention({ id: 'i1' }),
      report: askRequest.report,
      artifact: askRequest.artifact,
      toolLabel: 'Jira',
    };
    const { lifecycle } = mount(overdue);
    await act(() => scriptClick(button('End it')));
    expect(lifecycle.end).not.toHaveBeenCalled();
    await click('End it');
    await act(() => {
      scriptClick(button('Still me'));
      scriptClick(button('Done'));
    });
    expect(button('Still me').getAttribute('aria-pressed')).toBe('false');
    expect(lifecycle.recordClosing).not.toHaveBeenCalled();
  });
});

describe('InterventionPrompt: the lead’s words, hints and the keyboard', () => {
  it('mentions Esc only where it means “Not now”', async () => {
    mount();
    expect(dialog().querySelector('.hint')?.textContent).toMatch(/Esc for “Not now”/);
    await click(/^Yes/);
    expect(dialog().querySelector('.hint')?.textContent).not.toMatch(/Esc/);
  });

  it('after Yes, No, End it and each closing answer, the keyboard is handed back (onAnswered)', async () => {
    const onAnswered = vi.fn();
    const lifecycle = {
      end: vi.fn(async (id: string) =>
        intervention({ id, status: 'ended', endedAt: '2026-11-28T10:20:00.000Z' }),
      ),
      extend: vi.fn(async (id: string) => intervention({ id })),
      keep: vi.fn(async (id: string) => intervention({ id })),
      recordClosing: vi.fn(async () => undefined),
      annotate: vi.fn(async (id: string) => intervention({ id })),
      closingLine: vi.fn(async () => ''),
    };
    const onAnswer = vi.fn(async (answer: PromptChoice): Promise<AnswerResult> => ({
      prompt: promptRecord({ id: 'p1', answer }),
      intervention: answer === 'deliberate' ? intervention({ id: 'i1' }) : null,
    }));
    view = createInterventionPrompt({
      request: askRequest,
      onAnswer,
      lifecycle,
      onClose: vi.fn(),
      onAnswered,
    });
    container.append(view.element);
    await click(/^No/);
    expect(onAnswered).toHaveBeenCalledTimes(1);
    view.destroy();
    const overdue: PromptRequest = {
      kind: 'overdue',
      intervention: intervention({ id: 'i1' }),
      report: askRequest.report,
      artifact: askRequest.artifact,
      toolLabel: 'Jira',
    };
    view = createInterventionPrompt({
      request: overdue,
      onAnswer,
      lifecycle,
      onClose: vi.fn(),
      onAnswered,
    });
    container.append(view.element);
    await click('End it');
    expect(onAnswered).toHaveBeenCalledTimes(2);
    await click('Still me');
    expect(onAnswered).toHaveBeenCalledTimes(3);
  });
});
