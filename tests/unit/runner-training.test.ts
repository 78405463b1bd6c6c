// show.training: the curve that grows while training runs. Its updates are gathered and
// sent at most every 50 ms of worker time (a fake clock here), thinned past MAX_KEPT the
// same way on both sides, checked on the page like every message, and folded in Node so
// the text alternative is the whole run's.
import { describe, expect, test } from 'vitest';
import * as engine from '../../src/lernmi';
import { checkEntry, entryText, type OutputEntry } from '../../src/runner/kinds/index';
import { formatShort } from '../../src/runner/kinds/format';
import { logAxis } from '../../src/runner/kinds/plot-scale';
import { applyPoints, emptyCurve, foldLive, keep, MAX_KEPT, type TrainingEntry, type TrainingPoints } from '../../src/runner/kinds/training';
import { trainingLayout } from '../../src/runner/kinds/training-layout';
import { plotBox } from '../../src/runner/kinds/plot-axes';
import { execute } from '../../src/runner/worker/execute';
import { FLUSH_MS, LiveCurves } from '../../src/runner/worker/live';
import { Sink } from '../../src/runner/worker/sink';
import { makeShow } from '../../src/runner/worker/show';
import type { WorkerToHost } from '../../src/runner/kinds/protocol';

/** A show whose curves run on a clock the test moves by hand. */
function rig() {
  let t = 0;
  const out: OutputEntry[] = [];
  const live = new LiveCurves((e) => out.push(e), () => t);
  const show = makeShow((e) => out.push(e), engine, live);
  return { show, out, live, tick: (ms: number) => (t += ms), updates: () => out.filter((e) => e.kind === 'trainingPoints') };
}

describe('show.training', () => {
  test('the chart is sent at once, empty, with its title and options', () => {
    const { show, out } = rig();
    show.training('Error per epoch', { log: true });
    expect(out).toEqual([{ kind: 'training', live: 1, title: 'Error per epoch', log: true, series: [], count: 0, stride: 1, x: [], y: [] }]);
    expect(entryText(out[0]!)).toBe('[training: Error per epoch · no epochs yet]');
  });

  test('points wait for 50 ms of worker time, then go in one update; the end of the run sends the rest', () => {
    const { show, live, tick, updates } = rig();
    const curve = show.training('E');
    for (let i = 0; i < 10; i++) {
      curve.add(1 / (i + 1));
      tick(1);
    }
    expect(updates()).toHaveLength(0);
    tick(FLUSH_MS);
    curve.add(0.05);
    expect(updates()).toHaveLength(1);
    expect(updates()[0]).toMatchObject({ live: 1, series: ['error'], count: 11, x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] });
    curve.add(0.04);
    curve.add(0.03);
    expect(updates()).toHaveLength(1);
    live.flushAll();
    expect(updates()).toHaveLength(2);
    // the second update names no series: the first one did
    expect(updates()[1]).toEqual({ kind: 'trainingPoints', live: 1, count: 13, x: [12, 13], y: [[0.04, 0.03]], last: [0.03] });
    live.flushAll(); // nothing new: nothing sent
    expect(updates()).toHaveLength(2);
  });

  test('100,000 epochs: a few dozen messages, at most MAX_KEPT points kept, the same curve on both sides', () => {
    const { show, out, live, tick, updates } = rig();
    const curve = show.training('Long');
    const reference = emptyCurve();
    reference.series = ['error'];
    reference.y = [[]];
    for (let epoch = 1; epoch <= 100_000; epoch++) {
      const e = 1 / epoch;
      curve.onEpoch({ error: e });
      keep(reference, epoch, [e]);
      tick(0.01); // 1 s of training in all
    }
    live.flushAll();
    expect(updates().length).toBeLessThan(60);
    expect(Math.max(...updates().map((u) => (u as TrainingPoints).x.length))).toBeLessThanOrEqual(MAX_KEPT);
    const [folded] = foldLive(out) as TrainingEntry[];
    expect(folded!.count).toBe(100_000);
    expect(folded!.x.length).toBeLessThanOrEqual(MAX_KEPT);
    expect(folded!.x.length).toBeGreaterThan(MAX_KEPT / 2);
    expect(folded!.x).toEqual(reference.x);
    expect(folded!.y).toEqual(reference.y);
    expect(folded!.stride).toBe(reference.stride);
    // every kept epoch is on the stride, the first is kept, and the last is drawn anyway
    expect(folded!.x[0]).toBe(1);
    expect(folded!.x.every((x) => (x - 1) % folded!.stride === 0)).toBe(true);
    expect(folded!.last).toEqual([1e-5]);
    expect(entryText(folded!)).toBe('[training: Long · 100,000 epochs · error 1 → 1e-5]');
  });

  test('two series by name; values that are not finite numbers are gaps', () => {
    const { show, out, live } = rig();
    const curve = show.training();
    curve.add({ train: 0.5, test: 0.6 });
    curve.add({ train: NaN, test: 0.4 });
    curve.add({ train: 0.2 } as Record<string, number>);
    live.flushAll();
    const [e] = foldLive(out) as TrainingEntry[];
    expect(e!.series).toEqual(['train', 'test']);
    expect(e!.y).toEqual([[0.5, null, 0.2], [0.6, 0.4, null]]);
    expect(entryText(e!)).toBe('[training · 3 epochs · train 0.5 → 0.2, test 0.6 → 0.4]');
  });

  test('a closed curve takes no more points', () => {
    const { show, out } = rig();
    const curve = show.training('E');
    curve.add(1);
    curve.close();
    curve.add(2);
    expect((foldLive(out)[0] as TrainingEntry).count).toBe(1);
  });
});

describe('in a run', () => {
  test('train with onEpoch: the text is the run’s own first and last error, however the updates fell', async () => {
    const out: OutputEntry[] = [];
    const code = `import { Network, datasets } from "lernmi";
const net = new Network([2, 3, 1], { activation: "tanh", trainingRate: 0.3, seed: 2 });
const curve = show.training("Error per epoch");
const history = net.train(datasets.xor(), { epochs: 300, onEpoch: curve.onEpoch });
export default history;`;
    const r = await execute(code, { modules: { lernmi: engine }, emit: (e) => out.push(e) });
    expect(r.error).toBeUndefined();
    const history = r.exports.default as { error: number }[];
    const [e] = foldLive(out) as TrainingEntry[];
    expect(e!.count).toBe(300);
    expect(e!.y[0]).toEqual(history.map((h) => h.error));
    expect(entryText(e!)).toBe(`[training: Error per epoch · 300 epochs · error ${formatShort(history[0]!.error)} → ${formatShort(history.at(-1)!.error)}]`);
  });

  test('a run that throws mid-training still sends the points it made', async () => {
    const out: OutputEntry[] = [];
    const code = `const curve = show.training("E");
for (let i = 1; i <= 20; i++) curve.add(1 / i);
throw new Error("stop here");`;
    const r = await execute(code, { modules: { lernmi: engine }, emit: (e) => out.push(e) });
    expect(r.ok).toBe(false);
    expect((foldLive(out)[0] as TrainingEntry).count).toBe(20);
  });
});

describe('the page’s check', () => {
  const update = (extra: Record<string, unknown> = {}) => ({ kind: 'trainingPoints', live: 1, series: ['error'], count: 2, x: [1, 2], y: [[0.5, 0.25]], last: [0.25], ...extra });

  test('a well-formed update passes, with unknown fields left behind', () => {
    expect(checkEntry({ ...update(), evil: '<img>' })).toEqual(update());
  });

  test('wrong types, non-finite numbers and lengths beyond the caps are dropped', () => {
    for (const bad of [
      update({ live: 0 }),
      update({ live: '1' }),
      update({ count: -1 }),
      update({ x: [1, 2.5] }),
      update({ x: 'nope' }),
      update({ y: [[0.5, Infinity]] }),
      update({ y: [[0.5, NaN]] }),
      update({ y: [[0.5, '0.25']] }),
      update({ last: [Infinity] }),
      update({ last: undefined }),
      update({ series: [1] }),
      update({ series: ['a', 'b', 'c', 'd', 'e'] }),
      update({ x: Array.from({ length: MAX_KEPT + 1 }, (_, i) => i + 1) }),
    ]) {
      expect(checkEntry(bad), JSON.stringify(bad).slice(0, 120)).toBeUndefined();
    }
  });

  test('the entry itself: epochs rising and within its count, a series per name', () => {
    const good = { kind: 'training', live: 1, series: ['error'], count: 3, stride: 1, x: [1, 2, 3], y: [[0.3, 0.2, 0.1]] };
    expect(checkEntry(good)).toEqual(good);
    expect(checkEntry({ ...good, x: [1, 3, 2] })).toBeUndefined();
    expect(checkEntry({ ...good, x: [1, 2, 4] })).toBeUndefined();
    expect(checkEntry({ ...good, y: [[0.3, 0.2]] })).toBeUndefined();
    expect(checkEntry({ ...good, log: 'yes' })).toBeUndefined();
    expect(checkEntry({ ...good, stride: 0 })).toBeUndefined();
  });

  test('an update that repeats or rewrites the past, or changes the series, is refused and changes nothing', () => {
    const e = { kind: 'training', live: 1, series: [], count: 0, stride: 1, x: [], y: [] } as TrainingEntry;
    expect(applyPoints(e, update() as TrainingPoints)).toBe(true);
    const before = structuredClone(e);
    expect(applyPoints(e, update({ series: undefined }) as TrainingPoints)).toBe(false); // epochs 1, 2 again
    expect(applyPoints(e, update({ series: ['loss'], count: 3, x: [3], y: [[0.1]], last: [0.1] }) as TrainingPoints)).toBe(false);
    expect(applyPoints(e, update({ series: undefined, count: 3, x: [3], y: [[0.1], [0.2]], last: [0.1] }) as TrainingPoints)).toBe(false);
    expect(applyPoints(e, update({ series: undefined, count: 2, x: [3], y: [[0.1]], last: [0.1] }) as TrainingPoints)).toBe(false);
    expect(e).toEqual(before);
    // the first update must say what the series are
    const fresh = { kind: 'training', live: 1, series: [], count: 0, stride: 1, x: [], y: [] } as TrainingEntry;
    expect(applyPoints(fresh, update({ series: undefined }) as TrainingPoints)).toBe(false);
    // a gap (an update a cap dropped) is allowed
    expect(applyPoints(e, update({ series: undefined, count: 9, x: [7, 9], y: [[0.1, 0.05]], last: [0.05] }) as TrainingPoints)).toBe(true);
    expect(e.x).toEqual([1, 2, 7, 9]);
  });
});

describe('caps', () => {
  test('updates of a curve whose chart the output cap dropped are dropped too', () => {
    const posted: WorkerToHost[] = [];
    const sink = new Sink(1, (m) => posted.push(m));
    for (let i = 0; i < 100; i++) sink.push({ kind: 'plot', series: [{ name: 'y', y: [1] }] }); // 1,000 lines
    sink.push({ kind: 'training', live: 1, series: [], count: 0, stride: 1, x: [], y: [] });
    sink.push({ kind: 'trainingPoints', live: 1, series: ['error'], count: 1, x: [1], y: [[1]], last: [1] });
    expect(posted.filter((m) => m.type === 'output' && m.entries[0]!.kind.startsWith('training'))).toHaveLength(0);
    expect(sink.close()?.cap).toBe('lines');
  });
});

describe('layout', () => {
  const box = plotBox(480, 220, 52);
  test('the x axis runs over the epochs; the path goes through every drawn point', () => {
    const e: TrainingEntry = { kind: 'training', live: 1, series: ['error'], count: 5, stride: 2, x: [1, 3, 5], y: [[0.4, 0.2, 0.1]], last: [0.1] };
    const L = trainingLayout(e, box);
    expect(L.x.scale.domain()).toEqual([1, 5]);
    expect(L.points).toBe(3);
    expect(L.paths[0]!.match(/[ML]/g)).toHaveLength(3);
    expect(L.description).toContain('one epoch in 2 is drawn');
  });

  test('the latest epoch is drawn when thinning skipped it', () => {
    const e: TrainingEntry = { kind: 'training', live: 1, series: ['error'], count: 6, stride: 2, x: [1, 3, 5], y: [[0.4, 0.2, 0.1]], last: [0.08] };
    expect(trainingLayout(e, box).points).toBe(4);
  });

  test('a log axis: whole powers of ten around the data, zero left out as a gap', () => {
    const y = logAxis([0.0032, 0.25], [186, 12]);
    expect(y.scale.domain()).toEqual([0.001, 1]);
    expect(y.ticks).toEqual([0.001, 0.01, 0.1, 1]);
    expect(y.labels).toEqual(['0.001', '0.01', '0.1', '1']);
    // every power of ten up to seven of them, so each grid line is ten times the next
    expect(logAxis([5.6e-5, 0.13], [186, 12]).labels).toEqual(['1e-5', '0.0001', '0.001', '0.01', '0.1', '1']);
    expect(logAxis([1e-9, 1], [186, 12]).ticks.length).toBeLessThanOrEqual(7);
    const e: TrainingEntry = { kind: 'training', live: 1, series: ['error'], count: 3, stride: 1, x: [1, 2, 3], y: [[0.5, 0, 0.01]], log: true };
    expect(trainingLayout(e, box).paths[0]!.match(/M/g)).toHaveLength(2);
  });
});
