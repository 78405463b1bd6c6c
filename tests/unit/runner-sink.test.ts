// The worker's output sink: what reaches the page of a flood, and how often.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as log from '../../src/runner/kinds/log';
import { LIMITS, type WorkerToHost } from '../../src/runner/kinds/protocol';
import { Sink } from '../../src/runner/worker/sink';

describe('output sink', () => {
  let posted: WorkerToHost[];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    posted = [];
  });
  afterEach(() => vi.useRealTimers());

  const entries = () => posted.flatMap((m) => (m.type === 'output' ? m.entries : []));

  test('keeps the first LIMITS.maxLines lines and counts the rest as dropped', () => {
    const sink = new Sink(7, (m) => posted.push(m));
    for (let i = 0; i < 5000; i++) sink.push(log.build('log', ['line', i]));
    const dropped = sink.close();
    expect(entries()).toHaveLength(LIMITS.maxLines);
    expect(entries().at(-1)).toMatchObject({ text: `line ${LIMITS.maxLines - 1}` });
    expect(dropped).toEqual({ lines: 5000 - LIMITS.maxLines, bytes: expect.any(Number) });
    expect(posted.every((m) => m.type === 'output' && m.id === 7)).toBe(true);
  });

  test('sends the first entry at once, then at most one batch per flush interval', () => {
    const sink = new Sink(1, (m) => posted.push(m));
    sink.push(log.build('log', ['first']));
    expect(posted).toHaveLength(1);
    for (let i = 0; i < 100; i++) sink.push(log.build('log', [i]));
    expect(posted).toHaveLength(1); // waiting for the interval
    vi.advanceTimersByTime(LIMITS.flushIntervalMs);
    expect(posted).toHaveLength(2);
    expect(entries()).toHaveLength(101);
    expect(sink.close()).toBeUndefined(); // nothing dropped
  });

  test('a single huge entry counts against the character cap', () => {
    const sink = new Sink(1, (m) => posted.push(m));
    sink.push({ kind: 'log', level: 'log', text: 'x'.repeat(LIMITS.maxBytes) });
    sink.push(log.build('log', ['small']));
    const dropped = sink.close();
    expect(entries()).toEqual([{ kind: 'log', level: 'log', text: 'small' }]);
    expect(dropped).toEqual({ lines: 1, bytes: LIMITS.maxBytes + 1 });
  });
});
