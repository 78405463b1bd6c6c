// The reference's "first used in" links: only a chapter's code counts, in reading order.
import { describe, expect, it } from 'vitest';
import { codeOf, firstUse } from '../../components/course/first-use';

const chapter = (order: number, body: string) => ({ title: `C${order}`, order, url: `/c${order}/`, body });

describe('firstUse', () => {
  it('finds names in snippets, inline code, <Computed code> and <EngineSource name>, not in prose', () => {
    const body = [
      'A Network of neurons, said in prose.',
      '```ts run title="x"',
      'const net = new Network([2, 1]);',
      'show.table(rows);',
      '```',
      'Then `datasets.xor()` inline, <Computed code="gradientCheck(net, [1], [0])" /> and',
      '<EngineSource file="link.ts" name="Link.propagate" />.',
    ].join('\n');
    expect(codeOf(body)).not.toContain('said in prose');
    const chapters = [chapter(2, body)];
    for (const name of ['Network', 'show.table', 'datasets.xor', 'gradientCheck', 'Link']) {
      expect(firstUse(name, chapters)?.title, name).toBe('C2');
    }
    // `show.table(…)` is not a call of `show`; `datasets.xor` does not use `xor` alone; a prefix is not the name.
    expect(firstUse('show', chapters)).toBeUndefined();
    expect(firstUse('datasets.circle', chapters)).toBeUndefined();
    expect(firstUse('Net', chapters)).toBeUndefined();
    expect(firstUse('Neuron', [chapter(1, 'A Neuron, in prose only.')])).toBeUndefined();
  });

  it('picks the earliest chapter in reading order, not in list order', () => {
    const chapters = [chapter(3, '`show(net)`'), chapter(1, 'nothing'), chapter(2, '```ts\nshow (errors);\n```')];
    expect(firstUse('show', chapters)?.order).toBe(2);
  });
});
