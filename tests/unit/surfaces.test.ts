// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { surfaceKindOf, type Surface } from '@/utils/sites/types';

const table: Surface[] = [
  { kind: 'content', selector: '[data-area="issue"]', what: 'Issue', evidence: 'test' },
  { kind: 'planning', selector: '[data-field="priority"]', what: 'Priority', evidence: 'test' },
  { kind: 'conversation', selector: '[data-area="comments"]', what: 'Comments', evidence: 'test' },
  { kind: 'content', selector: '[data-field="shared"]', what: 'Shared', evidence: 'test' },
  { kind: 'planning', selector: '[data-field="shared"]', what: 'Shared', evidence: 'test' },
];

function editorIn(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('textarea')!;
}

describe('surfaceKindOf', () => {
  it('reads content where only a content surface holds the editor', () => {
    expect(
      surfaceKindOf(editorIn('<div data-area="issue"><textarea></textarea></div>'), table),
    ).toBe('content');
  });
  it('lets the innermost surface win: planning and conversation inside content stay silent', () => {
    expect(
      surfaceKindOf(
        editorIn(
          '<div data-area="issue"><div data-field="priority"><textarea></textarea></div></div>',
        ),
        table,
      ),
    ).toBe('planning');
    expect(
      surfaceKindOf(
        editorIn(
          '<div data-area="issue"><div data-area="comments"><textarea></textarea></div></div>',
        ),
        table,
      ),
    ).toBe('conversation');
  });
  it('prefers silence when two kinds name the same element', () => {
    expect(
      surfaceKindOf(editorIn('<div data-field="shared"><textarea></textarea></div>'), table),
    ).toBe('planning');
  });
  it('is null outside every surface', () => {
    expect(surfaceKindOf(editorIn('<div><textarea></textarea></div>'), table)).toBeNull();
  });
});
