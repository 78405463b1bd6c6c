// The runner specs' common setup: a fixture page (a built chapter page with its snippets
// swapped for the spec's own, tests/support/runner-fixture.ts) served at `path` to every
// page of the context, and a `problems` list that fails any test on a page error, a crash,
// a dialog or a console message the spec counts as a problem (a refusal by the page's
// policy, say). `watch` may add more listeners (hostile.spec.ts watches requests).
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { firstChapterPath, fixturePage, type FixtureSnippet } from '../support/runner-fixture';

interface FixtureTestOptions {
  path: string;
  /** Called once, when the page is first served (after any beforeAll). */
  snippets?: () => FixtureSnippet[];
  /** A console message that fails the test, as the text to report, or undefined. */
  problem: (message: ConsoleMessage) => string | undefined;
  watch?: (page: Page, problems: string[]) => void;
  /** What the final assertion says it checked. */
  what?: string;
}

export function fixtureTest({ path, snippets, problem, watch, what }: FixtureTestOptions) {
  let html: Promise<string> | undefined;
  const fixture = (baseURL: string) =>
    (html ??= (async () => {
      const landing = await (await fetch(baseURL)).text();
      const chapter = await (await fetch(new URL(firstChapterPath(landing), baseURL))).text();
      return fixturePage(chapter, snippets?.());
    })());

  return base.extend<{ problems: string[]; fixtureRoute: void }>({
    fixtureRoute: [
      async ({ context, baseURL }, use) => {
        await context.route(`**/${path}`, async (route) =>
          route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: await fixture(baseURL!) }),
        );
        await use();
      },
      { auto: true },
    ],
    problems: [
      async ({ page }, use) => {
        const problems: string[] = [];
        page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
        page.on('crash', () => problems.push('crash'));
        page.on('dialog', (d) => {
          problems.push(`dialog: ${d.message()}`);
          void d.dismiss();
        });
        page.on('console', (m) => {
          const report = problem(m);
          if (report !== undefined) problems.push(`console: ${report}`);
        });
        watch?.(page, problems);
        await use(problems);
        expect(problems, what ?? 'no page errors, crashes or dialogs').toEqual([]);
      },
      { auto: true },
    ],
  });
}

/** A refusal by the page's own policy (CSP) fails the test. */
export const refusedByPolicy = (m: ConsoleMessage) =>
  /Refused to|Content Security Policy/i.test(m.text()) ? m.text() : undefined;
