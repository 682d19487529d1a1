/**
 * The background believes a content script only as far as the browser's
 * account of the sender agrees: the tool must serve the sender's page, and
 * the item's address must be http(s) on that page's origin (or the tool's
 * own hosts). Each refusal says what was refused.
 */
import { describe, expect, it } from 'vitest';
import {
  assertSenderServes,
  senderPage,
  toolsServing,
  UntrustedSenderError,
} from '@/utils/protocol/sender-trust';

const jiraTab = {
  url: 'https://acme.atlassian.net/browse/PAY-142',
  tab: { url: 'https://acme.atlassian.net/browse/PAY-142' },
};
const wiki = [{ origin: 'https://wiki.acme.test' }];

function refusal(run: () => void): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(UntrustedSenderError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('which tools serve a page', () => {
  it('Jira and Confluence share Atlassian pages; GitHub serves github.com; an added site serves its own origin', () => {
    expect(toolsServing(new URL('https://acme.atlassian.net/browse/PAY-1'), [])).toEqual(
      expect.arrayContaining(['jira', 'confluence']),
    );
    expect(toolsServing(new URL('https://acme.atlassian.net/browse/PAY-1'), [])).not.toContain(
      'github',
    );
    expect(toolsServing(new URL('https://github.com/acme/app/issues/1'), [])).toEqual(['github']);
    expect(toolsServing(new URL('https://wiki.acme.test/page/1'), wiki)).toEqual(['custom']);
    expect(toolsServing(new URL('https://evil.test/'), wiki)).toEqual([]);
  });

  it("reads the sender's page from its tab, else its frame; nothing that is not http(s)", () => {
    expect(
      senderPage({ url: 'https://github.com/a', tab: { url: 'https://linear.app/x' } })?.origin,
    ).toBe('https://linear.app');
    expect(senderPage({ url: 'https://github.com/a' })?.origin).toBe('https://github.com');
    expect(senderPage({ url: 'chrome-extension://abc/popup.html' })).toBeNull();
    expect(senderPage({})).toBeNull();
  });
});

describe('assertSenderServes', () => {
  it("accepts a Jira edit from a Jira tab with the ticket's address", () => {
    expect(() =>
      assertSenderServes(
        jiraTab,
        { tool: 'jira', artifactUrl: 'https://acme.atlassian.net/browse/PAY-142' },
        [],
      ),
    ).not.toThrow();
  });

  it("refuses an edit claiming GitHub from a Jira tab, naming the page's origin and the tool", () => {
    const message = refusal(() =>
      assertSenderServes(
        jiraTab,
        { tool: 'github', artifactUrl: 'https://github.com/acme/app/issues/1' },
        [],
      ),
    );
    expect(message).toContain('https://acme.atlassian.net');
    expect(message).toContain('github');
  });

  it('refuses a javascript: or data: address for the item', () => {
    expect(
      refusal(() =>
        assertSenderServes(jiraTab, { tool: 'jira', artifactUrl: 'javascript:alert(1)' }, []),
      ),
    ).toMatch(/http\(s\).*javascript:/);
    expect(
      refusal(() =>
        assertSenderServes(jiraTab, { tool: 'jira', artifactUrl: 'data:text/html,hi' }, []),
      ),
    ).toMatch(/data:/);
  });

  it("refuses an item address on another origin than the sender's page", () => {
    const message = refusal(() =>
      assertSenderServes(
        jiraTab,
        { tool: 'jira', artifactUrl: 'https://other.atlassian.net/browse/PAY-1' },
        [],
      ),
    );
    expect(message).toContain('https://other.atlassian.net');
  });

  it("accepts a tool's own canonical host: a Notion page opened on notion.so is stored at app.notion.com", () => {
    const notionSo = { url: 'https://www.notion.so/acme/Plan-0123456789abcdef0123456789abcdef' };
    expect(() =>
      assertSenderServes(
        notionSo,
        {
          tool: 'notion',
          artifactUrl: 'https://app.notion.com/p/0123456789abcdef0123456789abcdef',
        },
        [],
      ),
    ).not.toThrow();
  });

  it('accepts heartbeats (no address) only from a page the tool serves', () => {
    expect(() =>
      assertSenderServes({ url: 'https://linear.app/acme/issue/ENG-1' }, { tool: 'linear' }, []),
    ).not.toThrow();
    expect(
      refusal(() =>
        assertSenderServes({ url: 'https://linear.app/acme/issue/ENG-1' }, { tool: 'asana' }, []),
      ),
    ).toContain('asana');
  });

  it("the lead's own site counts only while it is among the added sites", () => {
    const sender = { url: 'https://wiki.acme.test/page/7' };
    expect(() =>
      assertSenderServes(
        sender,
        { tool: 'custom', artifactUrl: 'https://wiki.acme.test/page/7' },
        wiki,
      ),
    ).not.toThrow();
    expect(
      refusal(() =>
        assertSenderServes(
          sender,
          { tool: 'custom', artifactUrl: 'https://wiki.acme.test/page/7' },
          [],
        ),
      ),
    ).toContain('custom');
  });

  it('refuses a message whose sender has no web page (an extension page, or none)', () => {
    expect(
      refusal(() =>
        assertSenderServes({ url: 'chrome-extension://abc/popup.html' }, { tool: 'jira' }, []),
      ),
    ).toMatch(/did not come from a web page/);
  });
});
