/**
 * How the engine's objects print a number: at most 6 significant digits and no
 * floating-point noise (0.1 + 0.2 prints as 0.3), as the course's outputs do.
 */
export function describeNumber(n: number): string {
  if (Number.isInteger(n) || !Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}
