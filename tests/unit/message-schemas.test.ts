import { describe, expect, it } from 'vitest';
import {
  EditSignalSchema,
  ExtendSchema,
  IdSchema,
  parseOrThrow,
  PromptAnswerSchema,
} from '@/utils/protocol/schemas';

function validEdit() {
  return {
    tool: 'jira',
    artifact: {
      key: 'PAY-142',
      title: 'Fix the checkout button',
      url: 'https://acme.atlassian.net/browse/PAY-142',
    },
    owner: ['Alice Chen', 'alice@acme.test', '557058:a1'],
    viewer: ['Dana Lead'],
  };
}

function expectRejected(run: () => unknown, ...fragments: string[]): Error {
  let caught: unknown;
  try {
    run();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected the input to be rejected').toBeInstanceOf(Error);
  const message = (caught as Error).message;
  for (const fragment of fragments) expect(message).toContain(fragment);
  return caught as Error;
}

describe('EditSignalSchema', () => {
  it('accepts a well-formed edit signal and returns it', () => {
    const input = validEdit();
    expect(parseOrThrow(EditSignalSchema, input, 'edit')).toEqual(input);
  });

  it('accepts empty owner/viewer lists and an empty title', () => {
    const input = {
      ...validEdit(),
      owner: [],
      viewer: [],
      artifact: { ...validEdit().artifact, title: '' },
    };
    expect(parseOrThrow(EditSignalSchema, input, 'edit').owner).toEqual([]);
  });

  it('accepts a title of exactly 500 characters and a key of exactly 200', () => {
    const input = validEdit();
    input.artifact.title = 't'.repeat(500);
    input.artifact.key = 'K'.repeat(200);
    const out = parseOrThrow(EditSignalSchema, input, 'edit');
    expect(out.artifact.title).toHaveLength(500);
    expect(out.artifact.key).toHaveLength(200);
  });

  it('rejects a title over 500 characters, naming artifact.title', () => {
    const input = validEdit();
    input.artifact.title = 't'.repeat(501);
    expectRejected(
      () => parseOrThrow(EditSignalSchema, input, 'edit'),
      'Invalid edit',
      'artifact.title',
      '500',
    );
  });

  it('rejects a key over 200 characters, naming artifact.key', () => {
    const input = validEdit();
    input.artifact.key = 'K'.repeat(201);
    expectRejected(() => parseOrThrow(EditSignalSchema, input, 'edit'), 'artifact.key', '200');
  });

  it('rejects an empty or blank key, naming artifact.key', () => {
    const input = validEdit();
    input.artifact.key = '   ';
    expectRejected(
      () => parseOrThrow(EditSignalSchema, input, 'edit'),
      'artifact.key',
      'must not be empty',
    );
  });

  it('rejects an unknown tool, naming tool', () => {
    const input = { ...validEdit(), tool: 'trello' };
    const err = expectRejected(() => parseOrThrow(EditSignalSchema, input, 'edit'), 'tool');
    expect(err.message).toMatch(/^Invalid edit: tool /);
  });

  it('rejects a url that is not a URL, naming artifact.url', () => {
    const input = validEdit();
    input.artifact.url = 'not a url';
    expectRejected(
      () => parseOrThrow(EditSignalSchema, input, 'edit'),
      'artifact.url',
      'must be a URL',
    );
  });

  it('rejects more than 20 owner identities, naming owner', () => {
    const input = { ...validEdit(), owner: Array.from({ length: 21 }, (_, i) => `id-${i}`) };
    const err = expectRejected(() => parseOrThrow(EditSignalSchema, input, 'edit'), 'owner');
    expect(err.message).toMatch(/^Invalid edit: owner /);
  });

  it('accepts exactly 20 identities', () => {
    const input = { ...validEdit(), viewer: Array.from({ length: 20 }, (_, i) => `id-${i}`) };
    expect(parseOrThrow(EditSignalSchema, input, 'edit').viewer).toHaveLength(20);
  });

  it('rejects more than 20 viewer identities, naming viewer', () => {
    const input = { ...validEdit(), viewer: Array.from({ length: 21 }, (_, i) => `id-${i}`) };
    expectRejected(() => parseOrThrow(EditSignalSchema, input, 'edit'), 'viewer');
  });

  it('rejects an over-long identity, naming its position', () => {
    const input = { ...validEdit(), owner: ['ok', 'x'.repeat(321)] };
    expectRejected(() => parseOrThrow(EditSignalSchema, input, 'edit'), 'owner.1', '320');
  });

  it('rejects input that is not an object at all', () => {
    expectRejected(() => parseOrThrow(EditSignalSchema, null, 'edit'), 'Invalid edit');
    expectRejected(() => parseOrThrow(EditSignalSchema, 'PAY-142', 'edit'), 'Invalid edit');
  });

  it('rejects a missing artifact, naming artifact', () => {
    const { artifact: _drop, ...rest } = validEdit();
    expectRejected(() => parseOrThrow(EditSignalSchema, rest, 'edit'), 'artifact');
  });
});

describe('PromptAnswerSchema', () => {
  it('accepts a deliberate answer with purpose and minutes', () => {
    const input = {
      promptId: 'p1',
      answer: 'deliberate',
      purpose: 'teach-framework',
      plannedMinutes: 60,
    };
    expect(parseOrThrow(PromptAnswerSchema, input, 'answer')).toEqual(input);
  });

  it('accepts the other answers without purpose or minutes', () => {
    expect(
      parseOrThrow(PromptAnswerSchema, { promptId: 'p1', answer: 'stepped-back' }, 'answer').answer,
    ).toBe('stepped-back');
    expect(
      parseOrThrow(PromptAnswerSchema, { promptId: 'p1', answer: 'dismissed' }, 'answer').answer,
    ).toBe('dismissed');
  });

  // The prompt caps a planned duration at a day (1440 minutes); a week from a page is refused.
  it('accepts exactly a day of planned minutes and refuses seven days, naming the range', () => {
    const input = { promptId: 'p1', answer: 'deliberate', plannedMinutes: 24 * 60 };
    expect(parseOrThrow(PromptAnswerSchema, input, 'answer').plannedMinutes).toBe(1440);
    expectRejected(
      () => parseOrThrow(PromptAnswerSchema, { ...input, plannedMinutes: 7 * 24 * 60 }, 'answer'),
      'plannedMinutes',
      '1 to 1440',
    );
  });

  it('rejects plannedMinutes 0, naming plannedMinutes', () => {
    const input = { promptId: 'p1', answer: 'deliberate', plannedMinutes: 0 };
    expectRejected(
      () => parseOrThrow(PromptAnswerSchema, input, 'answer'),
      'Invalid answer',
      'plannedMinutes',
    );
  });

  it('rejects negative plannedMinutes', () => {
    const input = { promptId: 'p1', answer: 'deliberate', plannedMinutes: -5 };
    expectRejected(() => parseOrThrow(PromptAnswerSchema, input, 'answer'), 'plannedMinutes');
  });

  it('rejects non-integer plannedMinutes, naming plannedMinutes', () => {
    const input = { promptId: 'p1', answer: 'deliberate', plannedMinutes: 15.5 };
    expectRejected(() => parseOrThrow(PromptAnswerSchema, input, 'answer'), 'plannedMinutes');
  });

  it('rejects plannedMinutes over seven days, naming plannedMinutes', () => {
    const input = { promptId: 'p1', answer: 'deliberate', plannedMinutes: 7 * 24 * 60 + 1 };
    expectRejected(() => parseOrThrow(PromptAnswerSchema, input, 'answer'), 'plannedMinutes');
  });

  it('rejects plannedMinutes given as a string', () => {
    const input = { promptId: 'p1', answer: 'deliberate', plannedMinutes: '15' };
    expectRejected(() => parseOrThrow(PromptAnswerSchema, input, 'answer'), 'plannedMinutes');
  });

  it('rejects an unknown answer, naming answer', () => {
    const err = expectRejected(
      () => parseOrThrow(PromptAnswerSchema, { promptId: 'p1', answer: 'maybe' }, 'answer'),
      'answer',
    );
    expect(err.message).toMatch(/^Invalid answer: answer /);
  });

  it("rejects 'unanswered' as an answer a content script may send", () => {
    expectRejected(
      () => parseOrThrow(PromptAnswerSchema, { promptId: 'p1', answer: 'unanswered' }, 'answer'),
      'answer',
    );
  });

  it('rejects an unknown purpose, naming purpose', () => {
    const input = { promptId: 'p1', answer: 'deliberate', purpose: 'because' };
    expectRejected(() => parseOrThrow(PromptAnswerSchema, input, 'answer'), 'purpose');
  });

  it('rejects an empty or over-long prompt id, naming promptId', () => {
    expectRejected(
      () => parseOrThrow(PromptAnswerSchema, { promptId: '', answer: 'dismissed' }, 'answer'),
      'promptId',
      'must not be empty',
    );
    expectRejected(
      () =>
        parseOrThrow(
          PromptAnswerSchema,
          { promptId: 'x'.repeat(101), answer: 'dismissed' },
          'answer',
        ),
      'promptId',
      '100',
    );
  });
});

describe('IdSchema', () => {
  it('trims ids and refuses blank ones', () => {
    expect(parseOrThrow(IdSchema, '  abc  ', 'id')).toBe('abc');
    expectRejected(() => parseOrThrow(IdSchema, '   ', 'id'), 'Invalid id', 'must not be empty');
  });
});

describe('ExtendSchema', () => {
  it("takes minutes (as before) or a take-over's plan, and says what is wrong with anything else", () => {
    expect(parseOrThrow(ExtendSchema, { id: 'i1', minutes: 15 }, 'extension')).toEqual({
      id: 'i1',
      minutes: 15,
    });
    for (const until of ['next-workday-end', 'done'])
      expect(parseOrThrow(ExtendSchema, { id: 'i1', until }, 'extension')).toEqual({
        id: 'i1',
        until,
      });
    expectRejected(
      () => parseOrThrow(ExtendSchema, { id: 'i1', minutes: 0 }, 'extension'),
      'Invalid extension: minutes',
    );
    for (const bad of [
      { id: 'i1', until: 'next-week' },
      { id: 'i1', minutes: 15, until: 'done' },
      { id: 'i1' },
    ])
      expectRejected(
        () => parseOrThrow(ExtendSchema, bad, 'extension'),
        'Invalid extension: needs either minutes',
      );
  });
});
