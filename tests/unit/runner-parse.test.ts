// The snippet parser and the remark plugin: what a chapter's ```ts run blocks become.
import { describe, expect, test } from 'vitest';
import { collectRunnable, parseMetaString, splitHidden, type MdNode } from '../../src/runner/build/parse';
import remarkSnippets from '../../src/runner/build/remark-snippets';

describe('parse', () => {
  test('meta: run, quoted title, numbers, ids', () => {
    const m = parseMetaString('run title="Sum two \\"links\\"" timeout=30 id=\'sum\'');
    expect(m.get('run')).toBe(true);
    expect(m.get('title')).toBe('Sum two "links"');
    expect(m.get('timeout')).toBe('30');
    expect(m.get('id')).toBe('sum');
  });

  test('hidden lines come first and keep their line numbers', () => {
    expect(splitHidden('import { Network } from "lernmi"; // @hide\nconst a = 1;')).toEqual({
      setup: 'import { Network } from "lernmi";',
      code: 'const a = 1;',
    });
    expect(splitHidden('// @hide-start\nconst x = 1;\n// @hide-end\nx;')).toEqual({ setup: '\nconst x = 1;\n', code: 'x;' });
    expect(() => splitHidden('a;\nb; // @hide')).toThrow(/hidden lines must come before/);
  });

  test('the remark plugin turns ```ts run into <Snippet> and consumes ```output', () => {
    const tree: MdNode = {
      type: 'root',
      children: [
        { type: 'code', lang: 'ts', meta: 'run title="A"', value: 'console.log(1)', position: { start: { line: 3 }, end: { line: 5 } } },
        { type: 'code', lang: 'output', meta: null, value: '1' },
        { type: 'code', lang: 'ts', meta: null, value: 'not runnable' },
        { type: 'code', lang: 'ts', meta: 'run id="b" timeout=30', value: 'x; // @hide\ny' },
      ],
    };
    remarkSnippets()(tree, { path: '/x/content/chapters/02-neuron.mdx' });
    const kids = tree.children!;
    expect(kids.map((k) => k.type)).toEqual(['mdxJsxFlowElement', 'code', 'mdxJsxFlowElement']);
    const attrs = (k: MdNode) => Object.fromEntries((k.attributes as { name: string; value: string }[]).map((a) => [a.name, a.value]));
    expect(attrs(kids[0]!)).toMatchObject({ code: 'console.log(1)', title: 'A', expect: '1', chapter: '02-neuron', snippetKey: 's1', index: '0' });
    expect(attrs(kids[2]!)).toMatchObject({ code: 'y', setup: 'x;', timeout: '30', snippetKey: 'b', index: '1' });
  });

  test('a bad option fails the build naming the chapter line', () => {
    const tree: MdNode = { type: 'root', children: [{ type: 'code', lang: 'ts', meta: 'run timeout=999', value: '', position: { start: { line: 12 }, end: { line: 13 } } }] };
    expect(() => collectRunnable(tree, 'content/chapters/03.mdx')).toThrow('content/chapters/03.mdx:12: runnable snippet: timeout must be');
  });
});

