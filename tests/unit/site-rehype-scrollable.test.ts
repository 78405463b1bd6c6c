// What makes a wide formula, table or code block reachable and named (rehype-scrollable).
import { describe, expect, it } from 'vitest';
import rehypeScrollable from '../../components/course/rehype-scrollable.mjs';

type El = { type: 'element'; tagName: string; properties: Record<string, unknown>; children: Node[] };
type Node = El | { type: 'text'; value: string } | { type: 'root'; children: Node[] };
const el = (tagName: string, properties: Record<string, unknown> = {}, children: Node[] = []): El => ({ type: 'element', tagName, properties, children });
const text = (value: string): Node => ({ type: 'text', value });

describe('rehypeScrollable', () => {
  it('makes tables, display math and code blocks focusable and named', () => {
    const table = el('table', {}, [el('thead', {}, [el('tr', {}, [el('th', {}, [text('Symbol')]), el('th', {}, [text('Engine name')])])])]);
    const math = el('span', { className: ['katex-display'] }, [el('span', { className: ['katex'] })]);
    const inline = el('span', { className: ['katex'] });
    const code = el('pre', { className: ['astro-code'], dataLanguage: 'ts' }, [el('code')]);
    const named = el('pre', { ariaLabel: 'Output' }, []);
    (rehypeScrollable() as (tree: Node) => void)({ type: 'root', children: [table, el('p', {}, [inline]), math, code, named] });
    expect(table.properties).toMatchObject({ tabIndex: 0, ariaLabel: 'Table: Symbol, Engine name' });
    expect(math.properties).toMatchObject({ tabIndex: 0, role: 'group', ariaLabel: 'Formula' });
    expect(inline.properties.tabIndex).toBeUndefined();
    expect(code.properties).toMatchObject({ tabIndex: 0, role: 'group', ariaLabel: 'TypeScript code' });
    expect(named.properties.ariaLabel).toBe('Output');
  });
});
