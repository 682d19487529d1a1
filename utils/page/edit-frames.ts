/**
 * Listening inside an adapter's same-origin edit frames (`PageAdapter.editFrames`: Google Docs'
 * text event frame), for the detector. Only the scripts of tools whose adapter names such frames
 * carry this (entrypoints/gdocs.content.ts passes it); other tools' pages do not load it.
 */
import type { PageAdapter } from '@/utils/sites/types';

/**
 * Listens for `types` inside the frames `framesNow()` names: at once, and again each time focus
 * moves into a frame (this window blurs; the frame's focus is not seen here). Returns the stop.
 */
export function listenInEditFrames(
  doc: Document,
  framesNow: () => PageAdapter['editFrames'],
  types: readonly string[],
  listener: (e: Event) => void,
): () => void {
  const options = { capture: true, passive: true } as const;
  /** Documents of the edit frames, each listened to once. */
  const frameDocs = new Set<Document>();
  function listen() {
    const selectors = framesNow();
    if (!selectors?.length) return;
    for (const frame of doc.querySelectorAll<HTMLIFrameElement>(selectors.join(','))) {
      let frameDoc: Document | null = null;
      try {
        frameDoc = frame.contentDocument; // null for a cross-origin frame
      } catch {
        continue;
      }
      if (!frameDoc || frameDocs.has(frameDoc)) continue;
      frameDocs.add(frameDoc);
      for (const type of types) frameDoc.addEventListener(type, listener, options);
    }
  }
  doc.defaultView?.addEventListener('blur', listen);
  listen();
  return () => {
    doc.defaultView?.removeEventListener('blur', listen);
    for (const frameDoc of frameDocs)
      for (const type of types) frameDoc.removeEventListener(type, listener, options);
    frameDocs.clear();
  };
}
