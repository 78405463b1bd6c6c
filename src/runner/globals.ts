// What a snippet sees besides its imports, as TypeScript declarations: used to type-check
// every snippet in the tests (tests/unit/snippets.test.ts). Keep in step with makeShow()
// in execute.ts.
export const SNIPPET_GLOBALS_DTS = `
interface ShowFunction {
  /** Shows a value the best way: a Network as a diagram, numbers as a plot, rows as a table. */
  (value: unknown, title?: string): void;
  /** A table from rows (objects or arrays) or an object of rows. */
  table(rows: unknown, options?: { columns?: string[]; title?: string } | string[]): void;
  /** A line chart: one series (numbers) or several ({ name: numbers }). */
  plot(data: readonly (number | null)[] | Record<string, readonly (number | null)[]>, options?: { title?: string; xLabel?: string; yLabel?: string }): void;
  /** A diagram of a network: links blue when positive, orange when negative, width by size. */
  network(net: import('lernmi').Network, title?: string): void;
}
declare const show: ShowFunction;
`;
