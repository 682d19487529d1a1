/**
 * What a fake tool server needs from a browser driver: answer every request
 * under a URL glob (`https://acme.atlassian.net/**`). Playwright's
 * BrowserContext already is one; the Firefox driver (tests/support/firefox.ts)
 * provides one over puppeteer's per-page request interception. So the fake
 * servers (fake-jira.ts, fake-sites.ts, …) serve both suites unchanged.
 */
export interface FulfilledRoute {
  request(): { url(): string; method(): string; postDataJSON(): unknown };
  fulfill(response: {
    status?: number;
    contentType?: string;
    headers?: Record<string, string>;
    body?: string;
  }): Promise<void>;
}

export interface RouteHost {
  route(glob: string, handler: (route: FulfilledRoute) => unknown): Promise<unknown>;
}
