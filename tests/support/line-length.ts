// The longest visible line of chapter snippet code: what fits a snippet's code column at
// 1280 px without scrolling sideways. Measured on the built site (Chromium, 1280×900,
// the course's code font at 0.88rem, which is 0.602em wide per character in DejaVu Sans
// Mono, the widest of the stack): 77 characters fit beside the line numbers. The rule
// keeps 5 in hand for other fonts and small changes to the column; an end-to-end test
// (tests/e2e/runner.spec.ts) fails if a line this long no longer fits.
export const MAX_SNIPPET_LINE = 72;

/** Visible lines of `code` longer than `max` characters, as [1-based line in the code, length]. */
export function longLines(code: string, max = MAX_SNIPPET_LINE): [number, number][] {
  const out: [number, number][] = [];
  code.split('\n').forEach((line, i) => {
    const length = [...line.replace(/\s+$/, '')].length; // characters, not UTF-16 units
    if (length > max) out.push([i + 1, length]);
  });
  return out;
}
