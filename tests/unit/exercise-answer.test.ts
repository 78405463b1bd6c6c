import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../components/course/exercise/answer';
import { judgeChecks, judgeNumber } from '../../components/course/exercise/verdict';

const value = (text: string) => {
  const parsed = parseAnswer(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.message}`);
  return parsed.value;
};

describe('parseAnswer', () => {
  it('reads decimals, signs and exponents', () => {
    expect(value('0.35')).toBe(0.35);
    expect(value('  -1.5 ')).toBe(-1.5);
    expect(value('.5')).toBe(0.5);
    expect(value('5.')).toBe(5);
    expect(value('2e-3')).toBe(0.002);
    expect(value('−0.25')).toBe(-0.25); // a typographic minus, copied from the prose
    expect(value('0,75')).toBe(0.75); // a decimal comma
  });

  it('reads fractions and expressions with the usual precedence', () => {
    expect(value('7/20')).toBeCloseTo(0.35, 15);
    expect(value('0.2*0.7')).toBeCloseTo(0.14, 15);
    expect(value('0.2 × 0.7 − 0.1')).toBeCloseTo(0.04, 15);
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('-(0.5 - 1) / 2')).toBe(0.25);
    expect(value('1 / 2 / 2')).toBe(0.25);
    expect(value('0.3·0.5 + 0.1')).toBeCloseTo(0.25, 15);
  });

  it('says "not a number" for anything else, quoting what came', () => {
    for (const rubbish of ['abc', '0.3x', '1 +', '(1 + 2', '1 2', 'Math.PI', '1; alert(1)', '2 ** 3', '--']) {
      const parsed = parseAnswer(rubbish);
      expect(parsed.ok, rubbish).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/is not a number|does not give/);
    }
    const empty = parseAnswer('   ');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.message).toMatch(/^Type an answer first/);
    const infinite = parseAnswer('1/0');
    expect(infinite.ok).toBe(false);
    if (!infinite.ok) expect(infinite.message).toMatch(/finite/);
  });
});

describe('judgeNumber', () => {
  const mistakes = [{ value: -0.0547, message: 'new weight' }];
  it('accepts an answer within the tolerance, and only within it', () => {
    expect(judgeNumber(-0.05407, -0.0540654, 0.0005, mistakes).kind).toBe('right');
    expect(judgeNumber(-0.0541, -0.0540654, 0.00001, mistakes).kind).toBe('wrong');
  });
  it('names an anticipated mistake', () => {
    const verdict = judgeNumber(-0.05471, -0.0540654, 0.0005, mistakes);
    expect(verdict).toEqual({ kind: 'mistake', message: 'Not quite: −0.05471.', mistake: 'new weight' });
  });
  it('points at the sign when only the sign is off', () => {
    expect(judgeNumber(0.054, -0.054, 0.0005, []).message).toMatch(/Check the sign/);
    expect(judgeNumber(-0.1, -0.054, 0.0005, []).message).not.toMatch(/sign/);
  });
});

describe('judgeChecks', () => {
  const pass = { name: 'weight', passed: true, detail: '' };
  const fail = { name: 'sent back', passed: false, detail: 'expected -0.054; received -0.0547' };
  const ok = { status: 'ok' as const };
  it('is right only when every check ran and passed', () => {
    expect(judgeChecks({ outcome: ok, checks: [pass, pass], timeLimitSeconds: 5 })).toEqual({ kind: 'right', message: 'All 2 checks passed.' });
    expect(judgeChecks({ outcome: ok, checks: [pass, fail], timeLimitSeconds: 5 })).toEqual({
      kind: 'wrong',
      message: '1 of 2 checks failed. sent back: expected -0.054; received -0.0547',
    });
    expect(judgeChecks({ outcome: ok, checks: [], timeLimitSeconds: 5 }).kind).toBe('wrong');
  });
  it('says when the code never let the checks finish', () => {
    expect(judgeChecks({ outcome: { status: 'timeout' }, checks: [pass], timeLimitSeconds: 5 }).message).toMatch(/stopped after 5 s.*loop that never ends/);
    expect(judgeChecks({ outcome: { status: 'stopped' }, checks: [], timeLimitSeconds: 5 }).message).toMatch(/^Stopped/);
    const theirs = { status: 'error' as const, error: { name: 'TypeError', message: 'x is undefined', position: { line: 4 } } };
    expect(judgeChecks({ outcome: theirs, checks: [], timeLimitSeconds: 5 }).message).toBe('Your code threw TypeError: x is undefined (line 4), so the checks could not finish.');
    const hidden = { status: 'error' as const, error: { name: 'ReferenceError', message: 'learn is not defined', position: { line: 3, hidden: true } } };
    expect(judgeChecks({ outcome: hidden, checks: [], timeLimitSeconds: 5 }).message).toMatch(/checks could not use your code: ReferenceError: learn is not defined/);
  });
});
