/**
 * An exercise's hidden checks run after the reader's code, in its scope, with
 * "lernmi/check"; their errors are reported as hidden, the reader's as theirs.
 */
import { describe, expect, it } from 'vitest';
import * as lernmi from '../../src/lernmi';
import type { OutputEntry } from '../../src/runner/kinds/index';
import { execute } from '../../src/runner/worker/execute';

async function run(code: string, check?: string) {
  const out: OutputEntry[] = [];
  const r = await execute(code, { modules: { lernmi }, check, emit: (e) => out.push(e) });
  return { ...r, out };
}

const CHECK = `import { check, near } from "lernmi/check";\ncheck("double", () => near(double(2), 4, 0, "double(2)"));`;

describe('checks after the reader’s code', () => {
  it('see what the reader defined and report each test by name', async () => {
    const right = await run('function double(x: number) { return 2 * x; }', CHECK);
    expect(right.out).toEqual([{ kind: 'check', name: 'double', passed: true, detail: '' }]);
    const wrong = await run('function double(x: number) { return x + 1; }', CHECK);
    expect(wrong.out).toEqual([{ kind: 'check', name: 'double', passed: false, detail: 'double(2): expected 4; received 3 (off by 1.00)' }]);
  });

  it('an error in the reader’s code keeps its line; an error in the checks is marked hidden', async () => {
    const thrown = await run('const a = 1;\nthrow new Error("no");\nfunction double(x: number) { return 2 * x; }', CHECK);
    expect(thrown.ok).toBe(false);
    expect(thrown.error?.position).toEqual({ line: 2, column: 7 });
    // Thrown while a check calls the reader's function: that check fails, with the message.
    const inside = await run('function double(x: number): number { throw new Error("not yet"); }', CHECK);
    expect(inside.out).toEqual([{ kind: 'check', name: 'double', passed: false, detail: 'not yet' }]);
    const missing = await run('const triple = (x: number) => 3 * x;', 'import { check } from "lernmi/check";\nconst f = double;\ncheck("f", () => f);');
    expect(missing.error?.name).toBe('ReferenceError');
    expect(missing.error?.position).toMatchObject({ line: 2, hidden: true });
    // Inside a check, the same mistake is that check's failure, by name.
    expect((await run('const triple = 1;', CHECK)).out).toEqual([
      { kind: 'check', name: 'double', passed: false, detail: 'double is not defined' },
    ]);
  });

  it('"lernmi/check" exists only when checks run', async () => {
    const r = await run('import { check } from "lernmi/check";\ncheck("a", () => {});');
    expect(r.error?.message).toMatch(/can import only from "lernmi"/);
  });
});
