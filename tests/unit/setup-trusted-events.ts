// happy-dom has no Event.isTrusted. In a browser the lead's own input is
// trusted and a page script's dispatchEvent is not; unit tests stand for the
// lead, so their events read as trusted. A test of a page script's event
// marks that one event untrusted (Object.defineProperty on the event).
// The real distinction is tested in Chromium (tests/e2e/hostile-page.e2e.ts).
// Only where a test runs in happy-dom (the files that build pages); pure tests run in plain Node.
if (typeof window !== 'undefined')
  Object.defineProperty(Event.prototype, 'isTrusted', { configurable: true, get: () => true });
