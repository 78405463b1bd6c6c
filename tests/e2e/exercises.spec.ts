// Every exercise on every chapter page, as a reader would: a wrong answer gets a
// helpful verdict, the reference answer is marked solved, and a reload keeps it solved.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { storageKey } from '../../src/runner/page/storage';
import { discoverPages, watchErrors } from './site-helpers';

/** Puts `code` in an exercise's snippet as a saved edit, as if the reader had typed it, then reloads. */
async function editSnippet(page: Page, exercise: Locator, code: string) {
  const snippet = exercise.locator('lernmi-snippet');
  const [chapter, key, original, setup] = await Promise.all(
    ['data-chapter', 'data-key', 'data-code', 'data-setup'].map((a) => snippet.getAttribute(a)),
  );
  const storeKey = storageKey(chapter!, key!, original!, setup ?? '');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [storeKey, JSON.stringify({ code, t: Date.now() })]);
  await page.reload();
}

/** True when the page paints a frame within half a second. */
async function alive(page: Page): Promise<boolean> {
  return Promise.race([
    page.evaluate(() => new Promise<boolean>((r) => requestAnimationFrame(() => r(true)))),
    new Promise<boolean>((r) => setTimeout(() => r(false), 500)),
  ]);
}

const chapters = discoverPages().filter((p) => p.kind === 'chapter' && p.html.includes('<lernmi-exercise'));

test('some chapter has exercises', () => {
  expect(chapters.length).toBeGreaterThan(0);
});

for (const chapter of chapters) {
  test(`${chapter.name}: every exercise checks, is solved by its reference answer and stays solved`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(chapter.path);
    const exercises = page.locator('lernmi-exercise');
    const count = await exercises.count();
    for (let i = 0; i < count; i++) {
      const exercise = exercises.nth(i);
      const region = exercise.getByRole('region', { name: /^Exercise/ });
      await expect(region).toBeVisible();
      await region.scrollIntoViewIfNeeded();
      // The exercise's own verdict (a code exercise's snippet has a status line of its own).
      const status = region.locator('.exercise-verdict[role="status"]');
      const check = region.getByRole('button', { name: 'Check' });
      const kind = await exercise.getAttribute('data-kind');
      if (kind === 'code') {
        // The snippet as given is the typical wrong answer: Check names the failing test.
        await check.click();
        await expect(status).toContainText('checks failed', { timeout: 20_000 });
        // Then the reference solution, from the exercise's own Solution block.
        const solution = (await exercise.locator('.exercise-solution pre').textContent())!;
        await editSnippet(page, exercise, solution);
        await expect(exercise.locator('lernmi-snippet')).toHaveAttribute('data-ready', /.+/);
        await exercise.getByRole('button', { name: 'Check' }).click();
        await expect(exercise.locator('.exercise-verdict')).toContainText('Solved', { timeout: 20_000 });
        await expect(exercise).toHaveAttribute('data-solved', '');
        continue;
      }
      if (kind === 'choice') {
        const wrong = region.locator('.exercise-choice:not(:has([data-correct]))').first();
        await wrong.click();
        await check.click();
        await expect(status).toHaveText(/^Not this one\. \S/);
        await region.locator('.exercise-choice:has([data-correct])').click();
      } else {
        const input = region.getByLabel('Your answer');
        await input.fill('not a number');
        await check.click();
        await expect(status).toContainText('is not a number');
        // An anticipated mistake is answered with its own explanation.
        const mistake = (await exercise.locator('.exercise-mistake').first().getAttribute('data-value'))!;
        await input.fill(mistake);
        await check.click();
        await expect(status).toHaveText(/^Not quite: .+\. \S/);
        await input.fill((await exercise.getAttribute('data-answer'))!);
      }
      await check.click();
      await expect(status).toContainText('Solved');
      await expect(exercise).toHaveAttribute('data-solved', '');
    }
    await page.reload();
    await expect(page.locator('lernmi-exercise[data-solved]')).toHaveCount(count);
    // The sidebar counts them beside the chapter.
    const slug = chapter.path.split('/').filter(Boolean).pop();
    await expect(page.locator(`[data-chapter-list] [data-chapter="${slug}"] [data-exercise-progress]`)).toHaveText(
      `${count} of ${count} exercise${count === 1 ? '' : 's'} solved`,
    );
    expect(errors).toEqual([]);
  });

  if (chapter.html.includes('data-kind="code"')) {
    test(`${chapter.name}: a code exercise with an endless loop is stopped, says so, and the page stays responsive`, async ({ page }) => {
      await page.goto(chapter.path);
      const exercise = page.locator('lernmi-exercise[data-kind="code"]').first();
      await editSnippet(page, exercise, 'while (true) {}');
      const region = exercise.getByRole('region', { name: /^Exercise/ });
      await region.getByRole('button', { name: 'Check' }).click();
      await expect(region.locator('.exercise-verdict')).toContainText('Checking');
      expect(await alive(page)).toBe(true);
      await expect(region.locator('.exercise-verdict')).toContainText('loop that never ends', { timeout: 20_000 });
      expect(await alive(page)).toBe(true);
      await expect(exercise).not.toHaveAttribute('data-solved', '');
    });
  }

  test(`${chapter.name}: hints come one at a time and the solution only after confirming`, async ({ page }) => {
    await page.goto(chapter.path);
    const region = page.locator('lernmi-exercise').first().getByRole('region', { name: /^Exercise/ });
    const hints = region.locator('.exercise-hint');
    const total = await hints.count();
    for (let shown = 1; shown <= total; shown++) {
      await region.getByRole('button', { name: 'Hint' }).click();
      await expect(hints.locator('visible=true')).toHaveCount(shown);
    }
    const solution = region.locator('.exercise-solution');
    await region.getByRole('button', { name: 'Show solution' }).click();
    await expect(solution).toBeHidden();
    await region.getByRole('button', { name: 'Keep trying' }).click();
    await expect(solution).toBeHidden();
    await region.getByRole('button', { name: 'Show solution' }).click();
    await region.getByRole('button', { name: 'Yes, show it' }).click();
    await expect(solution).toBeVisible();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`${chapter.name}: axe finds no violation with every hint, solution and verdict showing (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(chapter.path);
      await page.evaluate(() => {
        for (const el of document.querySelectorAll<HTMLElement>('.exercise-hint, .exercise-solution')) el.hidden = false;
      });
      for (const exercise of await page.locator('lernmi-exercise').all()) {
        await exercise.getByRole('button', { name: 'Check' }).click(); // "type an answer first" / "choose one"
      }
      const { violations } = await new AxeBuilder({ page })
        .include('lernmi-exercise')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test(`${chapter.name}: with storage disabled an exercise is still solved, with a notice`, async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('denied', 'SecurityError'); } });
    });
    await page.goto(chapter.path);
    const exercise = page.locator('lernmi-exercise[data-kind="choice"], lernmi-exercise[data-kind="number"]').first();
    const region = exercise.getByRole('region', { name: /^Exercise/ });
    if ((await exercise.getAttribute('data-kind')) === 'choice') await region.locator('.exercise-choice:has([data-correct])').click();
    else await region.getByLabel('Your answer').fill((await exercise.getAttribute('data-answer'))!);
    await region.getByRole('button', { name: 'Check' }).click();
    await expect(region.locator('.exercise-verdict')).toContainText('not saving progress');
    await expect(exercise).toHaveAttribute('data-solved', '');
  });
}
