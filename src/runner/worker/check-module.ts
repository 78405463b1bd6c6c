// What an exercise's hidden tests import as "lernmi/check". They run after the reader's
// code, in the same run and scope, so they can call the reader's functions:
//   import { check, near } from "lernmi/check";
//   check("the weight moves downhill", () => near(link.weight, 1.51802, 1e-5, "new weight"));
// A test passes when its function returns without throwing; a thrown Error's message is
// the detail the reader sees. A reader can always make their own checks pass; the checks
// only need to be honest about honest code.
import * as check from '../kinds/check';
import type { OutputEntry } from '../kinds/index';

export interface CheckModule {
  check(name: string, test: () => unknown): void;
  near(actual: unknown, expected: number, tolerance?: number, what?: string): void;
}

export function makeCheckModule(emit: (e: OutputEntry) => void): CheckModule {
  return {
    check(name, test) {
      try {
        test();
        emit(check.build(name, true));
      } catch (e) {
        emit(check.build(name, false, e instanceof Error ? e.message : String(e)));
      }
    },
    near(actual, expected, tolerance = 1e-9, what = 'value') {
      if (typeof actual !== 'number' || !Number.isFinite(actual)) {
        throw new Error(`${what}: expected a number near ${expected}; received ${String(actual)}`);
      }
      if (Math.abs(actual - expected) > tolerance) {
        throw new Error(`${what}: expected ${expected}; received ${actual} (off by ${Math.abs(actual - expected).toPrecision(3)})`);
      }
    },
  };
}
