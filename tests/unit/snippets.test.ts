// Every runnable snippet in content/ is type-checked against the engine's types and run
// through the same transpile-and-run core as the page's worker (src/runner/worker/execute.ts),
// and its output is compared with the chapter's expected output where it gives one; its
// visible lines must fit the code column at 1280 px (tests/support/line-length.ts).
// A failure names the chapter file and line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractSnippets, lineLengthProblems, runSnippetCase, typeCheckSnippets, type SnippetCase } from '../support/check-snippets';
import * as engine from '../../src/lernmi';

const ROOT = resolve(__dirname, '../..');

function mdxFiles(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(mdxFiles(p));
    else if (/\.mdx?$/.test(name)) out.push(p);
  }
  return out.sort();
}

const cases: SnippetCase[] = mdxFiles(join(ROOT, 'content')).flatMap((p) => extractSnippets(readFileSync(p, 'utf8'), relative(ROOT, p)));

describe('runnable snippets in content/', () => {
  test('there are snippets to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  let diagnostics: Map<SnippetCase, string[]> | undefined;

  for (const c of cases) {
    describe(c.where, () => {
      test('type-checks against the engine', () => {
        const problems = (diagnostics ??= typeCheckSnippets(cases, ROOT)).get(c) ?? [];
        expect(problems, `type errors:\n${problems.join('\n')}`).toEqual([]);
      });

      test('every visible line fits the code column at 1280 px', () => {
        const problems = lineLengthProblems(c);
        expect(problems, problems.join('\n')).toEqual([]);
      });

      test(`runs without error${c.snippet.expect !== undefined ? ' and prints the expected output' : ''}`, async () => {
        const { problems } = await runSnippetCase(c, engine);
        expect(problems, problems.join('\n')).toEqual([]);
      });
    });
  }
});
