// The worker's output sink: what reaches the page of a flood, and when.
import { beforeEach, describe, expect, test } from 'vitest';
import * as log from '../../src/runner/kinds/log';
import { LIMITS, type WorkerToHost } from '../../src/runner/kinds/protocol';
import { Sink } from '../../src/runner/worker/sink';

describe('output sink', () => {
  let posted: WorkerToHost[];
  beforeEach(() => {
    posted = [];
  });

  const entries = () => posted.flatMap((m) => (m.type === 'output' ? m.entries : []));

  test('keeps the first LIMITS.maxLines lines and counts the rest as dropped, naming the cap', () => {
    const sink = new Sink(7, (m) => posted.push(m));
    for (let i = 0; i < 5000; i++) sink.push(log.build('log', ['line', i]));
    const dropped = sink.close();
    expect(entries()).toHaveLength(LIMITS.maxLines);
    expect(entries().at(-1)).toMatchObject({ text: `line ${LIMITS.maxLines - 1}` });
    expect(dropped).toEqual({ lines: 5000 - LIMITS.maxLines, bytes: expect.any(Number), cap: 'lines' });
    expect(posted.every((m) => m.type === 'output' && m.id === 7)).toBe(true);
  });

  test('posts each entry at once, so what was printed before an endless loop is already out', () => {
    const sink = new Sink(1, (m) => posted.push(m));
    sink.push(log.build('log', ['first']));
    sink.push(log.build('log', ['second']));
    expect(entries().map((e) => (e.kind === 'log' ? e.text : ''))).toEqual(['first', 'second']);
    expect(sink.close()).toBeUndefined(); // nothing dropped
  });

  test('a single huge entry counts against the character cap', () => {
    const sink = new Sink(1, (m) => posted.push(m));
    sink.push({ kind: 'log', level: 'log', text: 'x'.repeat(LIMITS.maxBytes) });
    sink.push(log.build('log', ['small']));
    const dropped = sink.close();
    expect(entries()).toEqual([{ kind: 'log', level: 'log', text: 'small' }]);
    expect(dropped).toEqual({ lines: 1, bytes: LIMITS.maxBytes + 1, cap: 'characters' });
  });

  test('figures that would draw more than LIMITS.maxElements elements are dropped under the elements cap', () => {
    const sink = new Sink(1, (m) => posted.push(m));
    const links = Array.from({ length: 1000 }, (_, i) => ({ from: [0, i % 64] as [number, number], to: [1, i % 64] as [number, number], weight: 1 }));
    const net = { kind: 'network' as const, layers: Array(12).fill(64), links }; // 2,796 elements, 24,000 characters
    for (let i = 0; i < 8; i++) sink.push(net);
    expect(entries()).toHaveLength(7);
    expect(sink.close()).toMatchObject({ lines: 10, cap: 'elements' });
  });

  test('nothing is posted after close', () => {
    const sink = new Sink(1, (m) => posted.push(m));
    sink.close();
    sink.push(log.build('log', ['late']));
    expect(posted).toEqual([]);
  });
});
