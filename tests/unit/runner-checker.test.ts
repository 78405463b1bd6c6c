// The snippet checker itself (tests/support/check-snippets.ts): it must name the chapter
// file and line of every kind of problem, or the content tests could pass on broken code.
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as engine from '../../src/lernmi';
import { extractSnippets, lineLengthProblems, runSnippetCase, typeCheckSnippets } from '../support/check-snippets';
import { longLines } from '../support/line-length';

const ROOT = resolve(__dirname, '../..');

describe('snippet checker', () => {
  const chapter = [
    '---', 'title: T', '---', '', 'Text.', '',
    '```ts run title="fine"', 'import { Network } from "lernmi"; // @hide', 'console.log(new Network([2, 1]).links.length);', '```',
    '```output', '3', '```', '',
    '```ts run title="wrong output"', 'console.log(1 + 1);', '```', '```output', '3', '```', '',
    '```ts run title="type error"', 'const n: number = "x";', 'console.log(n);', '```', '',
    '```ts run title="throws"', 'const a = 1;', 'throw new Error("line 2 of the snippet");', '```',
    '```ts run title="spins" timeout=1', 'let n = 0;', 'while (true) n++;', '```',
  ].join('\n');
  const cases = extractSnippets(chapter, 'content/chapters/99-test.mdx');

  test('extracts snippets with their chapter lines', () => {
    expect(cases.map((c) => [c.snippet.title, c.snippet.line])).toEqual([['fine', 7], ['wrong output', 15], ['type error', 22], ['throws', 27], ['spins', 31]]);
  });

  test('a type error names the chapter file and line', () => {
    const d = typeCheckSnippets(cases, ROOT);
    expect(d.get(cases[0]!) ?? []).toEqual([]);
    expect(d.get(cases[2]!)?.[0]).toMatch(/^content\/chapters\/99-test\.mdx:23:7: TS2322: Type 'string' is not assignable to type 'number'/);
  });

  test('a runtime error and a wrong output name the chapter file and line', async () => {
    expect((await runSnippetCase(cases[0]!, engine)).problems).toEqual([]);
    expect((await runSnippetCase(cases[1]!, engine)).problems[0]).toMatch(/^content\/chapters\/99-test\.mdx:15 .*output differs/);
    expect((await runSnippetCase(cases[3]!, engine)).problems[0]).toMatch(/^content\/chapters\/99-test\.mdx:29:7: Error: line 2 of the snippet/);
  });

  test('an endless loop fails at its time limit instead of hanging the tests', async () => {
    const t0 = Date.now();
    const { problems } = await runSnippetCase(cases[4]!, engine);
    expect(problems[0]).toMatch(/^content\/chapters\/99-test\.mdx:31: Error: Script execution timed out after 1000ms/);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('line length', () => {
  const long = 'x'.repeat(73);
  const chapter = ['# T', '', '```ts run', `const hidden = "${long}"; // @hide`, 'const ok = 1;', `console.log("${long}");`, '```'].join('\n');
  const [c] = extractSnippets(chapter, 'content/chapters/98-test.mdx');

  test('counts characters, ignores trailing spaces, and reports only lines over the limit', () => {
    expect(longLines('ab\n' + 'é'.repeat(5) + '   \nabcdef', 5)).toEqual([[3, 6]]);
  });

  test('a visible line over the limit names its chapter line; hidden setup lines do not count', () => {
    const problems = lineLengthProblems(c!);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/chapters\/98-test\.mdx:6: 89 characters; a snippet line fits the code column at 1280 px up to 72/);
  });
});
