/**
 * What the lead writes for their notes and 1:1s, kept on this device: the closing line they want
 * under every note to a report (written once, remembered), and the actions they add to a
 * report's 1:1 talking points until they remove them.
 */
import { storage } from '@wxt-dev/storage';

/** The lead's own last line for notes to reports ("Thanks, Dana"); empty: no closing line. */
export const closingLineItem = storage.defineItem<string>('local:noteClosingLine', {
  fallback: '',
});

/** Actions per report id, in the order the lead added them. */
export const oneOnOneActionsItem = storage.defineItem<Record<string, string[]>>(
  'local:oneOnOneActions',
  { fallback: {} },
);
