/**
 * Every exercise in every chapter, checked the way a reader's answer is: its reference
 * answer must be judged right, and each anticipated mistake must be judged that
 * mistake (so the reader sees the explanation, not a bare "not quite").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { computeValue } from '../../src/runner/build/computed';
import { splitHidden } from '../../src/runner/build/parse';
import type { CheckEntry } from '../../src/runner/kinds/check';
import { execute } from '../../src/runner/worker/execute';
import * as lernmi from '../../src/lernmi';
import { invokeWithTimeout } from '../support/check-snippets';
import { judgeNumber } from '../../components/course/exercise/verdict';

interface Element {
  type: string;
  name?: string;
  lang?: string;
  meta?: string;
  value?: string;
  attributes?: { type: string; name: string; value: unknown }[];
  children?: Element[];
  position?: { start: { line: number } };
}

const dir = 'content/chapters';
const chapters = readdirSync(dir).filter((f) => f.endsWith('.mdx'));

function elements(node: Element, name: string): Element[] {
  const found: Element[] = [];
  const visit = (n: Element) => {
    if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name === name) found.push(n);
    n.children?.forEach(visit);
  };
  visit(node);
  return found;
}

function attribute(node: Element, name: string): unknown {
  const a = node.attributes?.find((x) => x.name === name);
  if (!a) return undefined;
  if (a.value === null) return true; // a bare attribute: <Choice correct>
  if (typeof a.value === 'object' && a.value !== null && 'value' in a.value) {
    // An expression: a number such as {0.001}, or a template literal such as check={`…`}.
    const source = (a.value as { value: string }).value;
    return new Function(`return (${source});`)();
  }
  return a.value;
}

/** The ```ts fences under a node; `run` ones are snippets. */
function fences(node: Element): Element[] {
  const found: Element[] = [];
  const visit = (n: Element) => {
    if (n.type === 'code') found.push(n);
    n.children?.forEach(visit);
  };
  visit(node);
  return found;
}

/** Runs code and an exercise's checks as the page's Check does; returns how it ended and the verdicts. */
async function runChecks(code: string, setup: string, check: string) {
  const checks: CheckEntry[] = [];
  const r = await execute(code, {
    modules: { lernmi },
    setup: setup || undefined,
    check,
    emit: (e) => {
      if (e.kind === 'check') checks.push(e);
    },
    invoke: invokeWithTimeout(5000),
  });
  return { ok: r.ok, error: r.error, checks };
}

const exercises = chapters.flatMap((file) => {
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkMath).parse(readFileSync(join(dir, file), 'utf8')) as Element;
  return elements(tree, 'Exercise').map((node) => ({ file, node, where: `${dir}/${file}:${node.position?.start.line}` }));
});

describe('exercises', () => {
  it('there are exercises, with ids unique within their chapter', () => {
    expect(exercises.length).toBeGreaterThan(0);
    for (const file of chapters) {
      const ids = exercises.filter((e) => e.file === file).map((e) => attribute(e.node, 'id'));
      expect(new Set(ids).size, file).toBe(ids.length);
    }
  });

  for (const { node, where } of exercises) {
    const id = attribute(node, 'id');
    if ((attribute(node, 'kind') ?? 'number') === 'number') {
      it(`${where} (${id}): the reference answer is right and every anticipated mistake is caught as that mistake`, async () => {
        const answer = Number(await computeValue(String(attribute(node, 'answer'))));
        const tolerance = Number(attribute(node, 'tolerance') ?? 0.001);
        const mistakes = await Promise.all(
          elements(node, 'Mistake').map(async (m, i) => ({ value: Number(await computeValue(String(attribute(m, 'answer')))), message: String(i) })),
        );
        expect(mistakes.length, `${where}: a number exercise anticipates at least one mistake`).toBeGreaterThan(0);
        expect(judgeNumber(answer, answer, tolerance, mistakes).kind).toBe('right');
        mistakes.forEach((m, i) => {
          expect(judgeNumber(m.value, answer, tolerance, mistakes), `${where}: mistake ${i} (${m.value}) vs answer ${answer}`).toMatchObject({
            kind: 'mistake',
            mistake: String(i),
          });
        });
        expect(elements(node, 'Solution'), `${where}: a worked solution`).toHaveLength(1);
      });
    } else if (attribute(node, 'kind') === 'code') {
      it(`${where} (${id}): the reference solution passes every check and the snippet as given fails one`, async () => {
        const check = String(attribute(node, 'check'));
        const snippet = fences(node).find((f) => /\brun\b/.test(f.meta ?? ''));
        const [solution] = elements(node, 'Solution').flatMap(fences);
        expect(snippet, `${where}: a runnable snippet to edit`).toBeDefined();
        expect(solution, `${where}: a solution with a code block`).toBeDefined();
        const { setup, code } = splitHidden(snippet!.value!);
        const right = await runChecks(solution!.value!, setup, check);
        expect(right.error, `${where}: the solution threw`).toBeUndefined();
        expect(right.checks.length).toBeGreaterThan(0);
        expect(right.checks.filter((c) => !c.passed), `${where}: the solution fails a check`).toEqual([]);
        const given = await runChecks(code, setup, check);
        expect(given.ok, `${where}: the snippet as given should run (and be wrong), not throw`).toBe(true);
        expect(given.checks.some((c) => !c.passed), `${where}: the snippet as given passes every check`).toBe(true);
      });
    } else {
      it(`${where} (${id}): exactly one choice is right, and every wrong one says why`, () => {
        const choices = elements(node, 'Choice');
        expect(choices.filter((c) => attribute(c, 'correct') === true)).toHaveLength(1);
        for (const c of choices.filter((c) => attribute(c, 'correct') !== true)) expect(String(attribute(c, 'why') ?? '')).not.toBe('');
        expect(elements(node, 'Solution'), `${where}: a worked solution`).toHaveLength(1);
      });
    }
  }
});
