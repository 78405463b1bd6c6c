// Judging a number answer: right within the author's tolerance, one of the anticipated
// mistakes (answered with why it is wrong), or simply wrong (with a nudge in the right
// direction only as far as the sign goes, so the reader still does the work).

export interface Mistake {
  value: number;
  /** Why a reader who typed this is wrong (or a key to that explanation in the page). */
  message: string;
}

export type Verdict =
  | { kind: 'right'; message: string }
  | { kind: 'mistake'; message: string; mistake: string }
  | { kind: 'wrong'; message: string };

export function within(value: number, target: number, tolerance: number): boolean {
  return Math.abs(value - target) <= tolerance;
}

export function judgeNumber(value: number, answer: number, tolerance: number, mistakes: readonly Mistake[]): Verdict {
  if (within(value, answer, tolerance)) return { kind: 'right', message: `Right: ${show(value)}.` };
  const mistake = mistakes.find((m) => within(value, m.value, tolerance));
  if (mistake) return { kind: 'mistake', message: `Not quite: ${show(value)}.`, mistake: mistake.message };
  const sign = Math.sign(value) !== Math.sign(answer) && answer !== 0 ? ' Check the sign, too.' : '';
  return { kind: 'wrong', message: `Not quite: ${show(value)} is not the answer.${sign} A hint may help.` };
}

function show(value: number): string {
  return String(Number(value.toPrecision(6))).replace('-', '−');
}

/** How a checked run ended, as the code exercise sees it (see CheckRun in the runner's island). */
export interface CheckedRun {
  outcome: { status: 'ok' | 'error' | 'timeout' | 'stopped' | 'crashed'; error?: { name: string; message: string; position?: { line: number; hidden?: boolean } } };
  checks: { name: string; passed: boolean; detail: string }[];
  timeLimitSeconds: number;
}

/** The verdict on a code exercise: every hidden test must have run and passed. */
export function judgeChecks(run: CheckedRun): Verdict {
  const { outcome, checks } = run;
  if (outcome.status === 'timeout') {
    return { kind: 'wrong', message: `Your code was stopped after ${run.timeLimitSeconds} s, before the checks finished. Is there a loop that never ends?` };
  }
  if (outcome.status === 'stopped') return { kind: 'wrong', message: 'Stopped before the checks finished.' };
  if (outcome.status === 'crashed') return { kind: 'wrong', message: 'The runner stopped before the checks finished (out of memory?). Check again after a look at your code.' };
  if (outcome.status === 'error' && outcome.error) {
    const { name, message, position } = outcome.error;
    if (position?.hidden) return { kind: 'wrong', message: `The checks could not use your code: ${name}: ${message}.` };
    const at = position ? ` (line ${position.line})` : '';
    return { kind: 'wrong', message: `Your code threw ${name}: ${message}${at}, so the checks could not finish.` };
  }
  if (checks.length === 0) return { kind: 'wrong', message: 'No check ran: did your code finish?' };
  const failed = checks.filter((c) => !c.passed);
  if (failed.length === 0) return { kind: 'right', message: `All ${checks.length} checks passed.` };
  const list = failed.map((c) => `${c.name}: ${c.detail}`).join('; ');
  return { kind: 'wrong', message: `${failed.length} of ${checks.length} checks failed. ${list}` };
}
