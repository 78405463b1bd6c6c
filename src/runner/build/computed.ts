// Build-time evaluation for <Computed>: runs code through the same executor as the
// worker and the tests, with the engine as "lernmi", and returns the text to print.
import * as engine from '../../lernmi';
import { formatValue } from '../kinds/format';
import { entryText, type OutputEntry } from '../kinds/index';
import { foldLive } from '../kinds/training';
import { execute } from '../worker/execute';

/** Hidden setup that puts every engine export in scope, for code that imports nothing. */
const ENGINE_IN_SCOPE = `const { ${Object.keys(engine).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k)).join(', ')} } = require("lernmi");`;

/** A bare expression (no statements, no imports)? Then its value is what we print. */
function isExpression(code: string): boolean {
  return !/[;\n]/.test(code.trim()) && !/^\s*(import|export|const|let|var|function|class|if|for|while)\b/.test(code) && !/console\./.test(code);
}

export interface ComputedOptions {
  /** round numbers to this many digits after the point */
  digits?: number;
}

/**
 * Runs `code` and returns what it prints. A bare expression prints its value; otherwise
 * the code's console output (or, if it logs nothing, its `export default`). Engine names
 * (Network, Neuron, Link, …) are in scope without an import. Throws with the snippet's
 * line on error, so a broken number fails the build instead of printing nonsense.
 */
export async function computeText(code: string, opts: ComputedOptions = {}): Promise<string> {
  const { out, exports } = await run(code);
  const round = (v: unknown): unknown =>
    typeof v === 'number' && opts.digits !== undefined ? Number(v.toFixed(opts.digits)) : Array.isArray(v) ? v.map(round) : v;
  if (out.length) return foldLive(out).map(entryText).join('\n');
  if ('default' in exports) {
    const v = round(exports.default);
    if (typeof v === 'number' && opts.digits !== undefined) return v.toFixed(opts.digits);
    return formatValue(v);
  }
  return '';
}

/**
 * The value of `code` itself, unformatted: a bare expression's value or the code's
 * `export default` (exercise answers are checked against it at full precision).
 */
export async function computeValue(code: string): Promise<unknown> {
  const { exports } = await run(code);
  if (!('default' in exports)) throw new Error(`computeValue("${code.slice(0, 80)}"): the code has no value; end with an expression or export default`);
  return exports.default;
}

/** Runs the code with the engine in scope; throws with the line of an error, so a broken number fails the build. */
async function run(code: string): Promise<{ out: OutputEntry[]; exports: Record<string, unknown> }> {
  const src = isExpression(code) ? `export default (${code});` : code;
  const hasImport = /^\s*import\s/m.test(src);
  const setup = hasImport ? undefined : ENGINE_IN_SCOPE;
  const out: OutputEntry[] = [];
  const r = await execute(src, { modules: { lernmi: engine }, setup, emit: (e) => out.push(e) });
  if (!r.ok) {
    const e = r.error!;
    const at = e.position && !e.position.hidden ? ` at line ${e.position.line}, column ${e.position.column}` : '';
    throw new Error(`<Computed code="${code.slice(0, 80)}">: ${e.name}: ${e.message}${at}`);
  }
  return { out, exports: r.exports };
}
