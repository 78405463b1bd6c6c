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
import { judgeNumber } from '../../components/course/exercise/verdict';

interface Element {
  type: string;
  name?: string;
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
  if (typeof a.value === 'object' && a.value !== null && 'value' in a.value) return Number((a.value as { value: string }).value);
  return a.value;
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
