// The "check" kind: the verdict of one named test an exercise runs after the reader's
// code (see worker/check-module.ts). The page's exercise reads these entries to decide
// whether the exercise is solved; the reader sees them in the output, test by test.
import { el } from './dom';
import type { KindData, KindView } from './kind';

export interface CheckEntry {
  kind: 'check';
  name: string;
  passed: boolean;
  /** for a failed test: what was expected and what came, with the numbers */
  detail: string;
}

const MAX_TEXT = 500;

/** Worker side. */
export function build(name: string, passed: boolean, detail = ''): CheckEntry {
  return { kind: 'check', name: String(name).slice(0, MAX_TEXT), passed: passed === true, detail: String(detail).slice(0, MAX_TEXT) };
}

export const data: KindData<CheckEntry> = {
  size: (e) => ({ lines: 1, chars: e.name.length + e.detail.length + 4 }),
  text: (e) => (e.passed ? `✓ ${e.name}` : `✗ ${e.name}: ${e.detail}`),
};

export const view: KindView<CheckEntry> = {
  // The class comes from a fixed pair, never from the message.
  render: (e) => el('div', `line check ${e.passed === true ? 'passed' : 'failed'}`, data.text(e)),
};
