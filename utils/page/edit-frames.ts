/**
 * Listening inside an adapter's same-origin edit frames (`PageAdapter.editFrames`: Google Docs'
 * text event frame), for the detector. Only the scripts of tools whose adapter names such frames
 * carry this (entrypoints/gdocs.content.ts passes it); other tools' pages do not load it.
 *
 * Docs can replace its text event frame during a session, caret inside (docs/evidence/gdocs.md,
 * Typing): focus then moves from the old frame to the new one and this window never blurs again,
 * so the frame itself is watched for: added anywhere in the page, or loading a new document.
 */
import type { PageAdapter } from '@/utils/sites/types';

/** What Adapter health hears when typing would go where Pullback cannot listen. */
export const FRAME_PROBLEMS = {
  unreadable:
    'the text event frame could not be read (another origin, or no document): typing in the document cannot be seen',
  missing: 'the text event frame was not found on this document: typing in it cannot be seen',
} as const;

/**
 * Listens for `types` inside the frames `framesNow()` names: at once, each time focus moves into a
 * frame (this window blurs), each time a frame element is added to the page, and each time a frame
 * loads a new document. `onProblem` hears when such a frame cannot be read, or when this window
 * blurs (focus went into a frame, or elsewhere) while none of the named ones is in the page. Returns the stop.
 */
export function listenInEditFrames(
  doc: Document,
  framesNow: () => PageAdapter['editFrames'],
  types: readonly string[],
  listener: (e: Event) => void,
  onProblem?: (problem: string) => void,
): () => void {
  const options = { capture: true, passive: true } as const;
  /**
   * The document each edit frame element was last listened to in (a re-created frame is a new
   * element), and an observer of that document's own children: a page that rewrites the frame
   * (`document.open()`, as a fresh frame is filled) erases every listener on it, and replaces its
   * root element, which the observer sees.
   */
  const listened = new Map<
    HTMLIFrameElement,
    { frameDoc: Document; rewritten: MutationObserver }
  >();

  const attach = (frameDoc: Document) => {
    // Adding the same listener twice is a no-op: after a rewrite this puts back what was erased.
    for (const type of types) frameDoc.addEventListener(type, listener, options);
  };

  function unlisten(frame: HTMLIFrameElement) {
    const entry = listened.get(frame);
    if (!entry) return;
    entry.rewritten.disconnect();
    for (const type of types) entry.frameDoc.removeEventListener(type, listener, options);
    listened.delete(frame);
  }

  function listen(cause: 'start' | 'blur' | 'frame') {
    const selectors = framesNow();
    if (!selectors?.length) return;
    // Frames gone from the page (replaced): their documents are let go.
    for (const frame of [...listened.keys()]) if (!frame.isConnected) unlisten(frame);
    const frames = doc.querySelectorAll<HTMLIFrameElement>(selectors.join(','));
    if (!frames.length && cause === 'blur') onProblem?.(FRAME_PROBLEMS.missing);
    for (const frame of frames) {
      let frameDoc: Document | null = null;
      try {
        frameDoc = frame.contentDocument; // null for a frame of another origin
      } catch {
        frameDoc = null;
      }
      if (!frameDoc) {
        onProblem?.(FRAME_PROBLEMS.unreadable);
        continue;
      }
      if (listened.get(frame)?.frameDoc === frameDoc) continue;
      unlisten(frame); // The same element with a new document: the old one is gone.
      const rewritten = new MutationObserver(() => attach(frameDoc));
      rewritten.observe(frameDoc, { childList: true });
      listened.set(frame, { frameDoc, rewritten });
      attach(frameDoc);
    }
  }

  const onBlur = () => listen('blur');
  // A frame element added anywhere (Docs re-creates the frame, sometimes inside a new wrapper).
  // Only added nodes are looked at: one check per added element, nothing read from the page.
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (
          node.nodeType === 1 &&
          ((node as Element).localName === 'iframe' ||
            (node as Element).getElementsByTagName('iframe').length > 0)
        )
          return listen('frame');
  });
  // A frame that loads a new document (`load` does not bubble; a capturing listener sees it).
  const onLoad = (e: Event) => {
    if ((e.target as Element | null)?.localName === 'iframe') listen('frame');
  };
  doc.defaultView?.addEventListener('blur', onBlur);
  doc.addEventListener('load', onLoad, true);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  listen('start');
  return () => {
    doc.defaultView?.removeEventListener('blur', onBlur);
    doc.removeEventListener('load', onLoad, true);
    observer.disconnect();
    for (const frame of [...listened.keys()]) unlisten(frame);
  };
}
