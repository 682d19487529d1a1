/**
 * Stands in for WXT's ContentScriptContext in content scripts (wxt.config.ts
 * aliases `wxt/utils/content-script-context` here). WXT's context announces
 * each script's start to the page (a window message and a document event
 * naming the extension's id) and stops the script when it hears another
 * start: any page could replay that to switch Pullback off, and every page
 * learned Pullback is installed. This one announces nothing and listens to
 * nothing; Pullback's content scripts keep their own lifecycle
 * (entrypoints/page/content-script.ts: they retire once the extension that
 * started them is gone, which a page cannot fake).
 */
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
}
