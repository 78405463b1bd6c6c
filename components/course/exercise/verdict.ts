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
