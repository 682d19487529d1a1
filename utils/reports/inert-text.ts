/**
 * Text that came from someone else's page (titles, keys, names) or was typed by the lead, made
 * inert for each way Pullback hands it on: the weekly note, the 1:1 document, the hand-back note
 * and the CSV. One place decides, so no export escapes less than another.
 *
 * - text: one line, no control or direction-changing characters (a title cannot fake a new
 *   paragraph or reverse the words around it);
 * - markdown: the same, with every mark that could start a link, an image, HTML, emphasis or a
 *   table shown as itself ("[click me](javascript:…)" copies as text, not a live link);
 * - code: the same, as a Markdown code span (item keys);
 * - csv: one field, RFC 4180 quoted, and never run as a formula by a spreadsheet.
 */
export type InertAs = 'text' | 'markdown' | 'code' | 'csv';

/** C0 and C1 controls (but tab and line ends), zero-width and bidirectional marks: invisible, and able to reorder what is around them. */
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** What Markdown (CommonMark and GitHub's) reads as markup anywhere in a line. */
const MARKDOWN_MARKS = /[\\`*_{}[\]()<>#+!|~&]/g;

export function inert(value: string | number | null | undefined, as: InertAs): string {
  const raw = value === null || value === undefined ? '' : String(value);
  if (as === 'csv') return csvField(raw.replace(HIDDEN, ''));
  const line = raw.replace(HIDDEN, '').replace(/\s+/g, ' ').trim();
  switch (as) {
    case 'text':
      return line;
    case 'markdown':
      return line.replace(MARKDOWN_MARKS, (c) => `\\${c}`);
    case 'code':
      // A backtick inside a key (never seen in a tool's keys) is dropped rather than ending the span.
      return `\`${line.replace(/`/g, '')}\``;
  }
}

/** One CSV field: the formula guard first (= + - @, a leading tab or CR), then RFC 4180 quoting. */
function csvField(text: string): string {
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
