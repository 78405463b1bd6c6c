// The page's check of what the sandbox sends (kinds/message-check.ts, the kinds' `check`):
// well-formed messages of the current run pass as plain data with texts cut to their caps;
// anything else is 'malformed' or 'stale', and never reaches the drawing code.
import { describe, expect, test } from 'vitest';
import { cut } from '../../src/runner/kinds/fields';
import { checkEntry } from '../../src/runner/kinds/index';
import { checkMessage } from '../../src/runner/kinds/message-check';
import { drawable, DRAW_LIMITS } from '../../src/runner/kinds/network';
import { LIMITS } from '../../src/runner/kinds/protocol';

const log = (text: unknown, level: unknown = 'log') => ({ kind: 'log', level, text });
const out = (entries: unknown[], id = 3) => ({ type: 'output', id, entries });

describe('messages', () => {
  test('a well-formed message of the current run passes, as a copy without unknown fields', () => {
    expect(checkMessage({ type: 'started', id: 3 }, 3)).toEqual({ type: 'started', id: 3 });
    expect(checkMessage({ ...out([{ ...log('hi'), extra: '<b>' }]), class: 'x' }, 3)).toEqual({ type: 'output', id: 3, entries: [log('hi')] });
    expect(checkMessage({ type: 'done', id: 3, nonce: 'n', ok: true, ms: 4 }, 3)).toEqual({ type: 'done', id: 3, nonce: 'n', ok: true, ms: 4 });
    const error = { name: 'TypeError', message: 'x', phase: 'runtime', position: { line: 2, column: 5 } };
    expect(checkMessage({ type: 'done', id: 3, nonce: 'n', ok: false, ms: 4, error, dropped: { lines: 1, bytes: 2, cap: 'lines' } }, 3)).toMatchObject({ ok: false, error, dropped: { cap: 'lines' } });
  });

  test('a message about another run, or when none runs, is stale', () => {
    expect(checkMessage(out([log('late')], 2), 3)).toBe('stale');
    expect(checkMessage({ type: 'done', id: 2, nonce: 'n', ok: true, ms: 1 }, 3)).toBe('stale');
    expect(checkMessage({ type: 'started', id: 3 }, undefined)).toBe('stale');
  });

  test('unknown types, wrong field types and missing fields are malformed', () => {
    for (const m of [
      null, 42, 'done', [], {}, { type: 'bogus', id: 3 }, { type: 'started' }, { type: 'started', id: '3' }, { type: 'started', id: 1.5 },
      { type: 'output', id: 3 }, { type: 'output', id: 3, entries: 'x' },
      { type: 'done', id: 3, ok: true, ms: 1 }, // no nonce
      { type: 'done', id: 3, nonce: 'n', ok: 'yes', ms: 1 },
      { type: 'done', id: 3, nonce: 'n', ok: true, ms: -1 },
      { type: 'done', id: 3, nonce: 'n', ok: false, ms: 1 }, // no error
      { type: 'done', id: 3, nonce: 'n', ok: false, ms: 1, error: { name: 'E', message: 'm', phase: 'later' } },
      { type: 'done', id: 3, nonce: 'n', ok: true, ms: 1, dropped: { lines: 1, bytes: 1, cap: 'rows' } },
    ]) {
      expect(checkMessage(m, 3), JSON.stringify(m)).toBe('malformed');
    }
  });

  test('one bad entry makes the whole message malformed', () => {
    expect(checkMessage(out([log('ok'), { kind: 'bogus' }]), 3)).toBe('malformed');
    expect(checkMessage(out([log({ length: 0 })]), 3)).toBe('malformed');
    expect(checkMessage(out(Array(1001).fill(log('x'))), 3)).toBe('malformed');
  });
});

describe('entries', () => {
  test('levels come from the fixed list only: a class name in `level` is refused', () => {
    expect(checkEntry(log('x', 'warn'))).toEqual(log('x', 'warn'));
    expect(checkEntry(log('x', 'log evil'))).toBeUndefined();
    expect(checkEntry(log('x', ['log']))).toBeUndefined();
  });

  test('an unknown kind, or a known one with a field of the wrong type, is refused', () => {
    expect(checkEntry({ kind: 'html', html: '<b>' })).toBeUndefined();
    expect(checkEntry({ kind: 'toString' })).toBeUndefined();
    expect(checkEntry({ kind: 'table', columns: ['a'], rows: [[1]] })).toBeUndefined();
    expect(checkEntry({ kind: 'table', columns: ['a'], rows: [['1']], title: 7 })).toBeUndefined();
    expect(checkEntry({ kind: 'plot', series: [{ name: 'y', y: ['1'] }] })).toBeUndefined();
    expect(checkEntry({ kind: 'plot', series: [] })).toBeUndefined();
    expect(checkEntry({ kind: 'network', layers: [2, 1], links: [{ from: [0, 5], to: [1, 0], weight: 1 }] })).toBeUndefined(); // no neuron 5
    expect(checkEntry({ kind: 'network', layers: [2, -1], links: [] })).toBeUndefined();
  });

  test('titles, cells and labels are cut at their cap, with an ellipsis', () => {
    const huge = 'T'.repeat(1_000_000);
    const t = checkEntry({ kind: 'table', columns: [huge], rows: [[huge]], title: huge });
    expect(t).toMatchObject({ title: cut(huge, LIMITS.maxFieldChars), columns: [cut(huge, LIMITS.maxFieldChars)] });
    expect(t?.kind === 'table' && t.title?.length).toBe(LIMITS.maxFieldChars);
    expect(t?.kind === 'table' && t.title?.endsWith('…')).toBe(true);
    const p = checkEntry({ kind: 'plot', series: [{ name: huge, y: [1, null] }], xLabel: huge });
    expect(p?.kind === 'plot' && p.series[0]!.name.length).toBeLessThanOrEqual(100);
    expect(p?.kind === 'plot' && p.xLabel?.endsWith('…')).toBe(true);
    const l = checkEntry(log(huge));
    expect(l?.kind === 'log' && l.text.length).toBeLessThanOrEqual(LIMITS.maxMessageChars + 100);
  });

  test('a network over the drawing limits passes as data but is not drawable', () => {
    const e = checkEntry({ kind: 'network', layers: [2, 30_000, 1], links: [] });
    expect(e).toEqual({ kind: 'network', layers: [2, 30_000, 1], links: [] });
    expect(drawable([2, 30_000, 1], 0)).toBe(false);
    expect(drawable(Array(DRAW_LIMITS.layers).fill(DRAW_LIMITS.neuronsPerLayer), DRAW_LIMITS.links)).toBe(true);
  });
});

describe('cut', () => {
  test('keeps short text and marks a cut with an ellipsis, within the cap', () => {
    expect(cut('abc', 3)).toBe('abc');
    expect(cut('abcd', 3)).toBe('ab…');
  });
});

describe('the worker side of the network cap', () => {
  test('a network too large to draw is sent as its shape and link count only', async () => {
    const { build } = await import('../../src/runner/kinds/network');
    const neurons = (n: number) => Array.from({ length: n }, () => ({}));
    const fake = { layers: [neurons(2), neurons(30_000), neurons(1)], links: Array(5000).fill(null), propagate() {} };
    expect(build(fake, 'big')).toEqual({ kind: 'network', layers: [2, 30_000, 1], links: [], omittedLinks: 5000, title: 'big' });
  });
});

describe('check verdicts', () => {
  test('pass only with a boolean verdict and text fields', () => {
    expect(checkEntry({ kind: 'check', name: 'a', passed: true, detail: '' })).toEqual({ kind: 'check', name: 'a', passed: true, detail: '' });
    expect(checkEntry({ kind: 'check', name: 'a', passed: 'true', detail: '' })).toBeUndefined();
    expect(checkEntry({ kind: 'check', name: 'a', passed: true })).toBeUndefined();
  });
});

describe('the chart kinds', () => {
  test('heatmap: size × size values, domains low < high, at most MAX_RESOLUTION', () => {
    const ok = { kind: 'heatmap', output: 0, xDomain: [0, 1], yDomain: [0, 1], size: 2, values: [0, 1, null, 0.5], points: [{ x: 0, y: 0, expected: 1 }] };
    expect(checkEntry(ok)).toEqual(ok);
    expect(checkEntry({ ...ok, values: [0, 1, 2] })).toBeUndefined();
    expect(checkEntry({ ...ok, xDomain: [1, 0] })).toBeUndefined();
    expect(checkEntry({ ...ok, size: 1000, values: Array(1e6).fill(0) })).toBeUndefined();
    expect(checkEntry({ ...ok, fill: 'url(javascript:x)' })).toEqual(ok);
  });

  test('activation and error curve: series of equal length, numbers only', () => {
    const a = { kind: 'activation', name: 'sigmoid', sums: [0, 1], values: [0.5, 0.73], slopes: [0.25, 0.2] };
    expect(checkEntry(a)).toEqual(a);
    expect(checkEntry({ ...a, slopes: [0.25] })).toBeUndefined();
    expect(checkEntry({ ...a, name: 1 })).toBeUndefined();
    const c = { kind: 'errorCurve', link: 'in[0] → out[0]', weights: [0, 1], errors: [0.1, null], at: { weight: 0, error: 0.1, gradient: 0.2 } };
    expect(checkEntry(c)).toEqual(c);
    expect(checkEntry({ ...c, at: { weight: 0, error: 'x', gradient: 0 } })).toBeUndefined();
  });
});
