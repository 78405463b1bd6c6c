// Transpiling a snippet and mapping positions in the result back to the reader's code.
// sucrase strips types and turns `import … from "lernmi"` into a `require`; it keeps line
// numbers, and its source map maps columns back too. The map is read by
// @jridgewell/trace-mapping, the decoder the JavaScript tool chain itself uses.
import { TraceMap, traceSegment, type EncodedSourceMap } from '@jridgewell/trace-mapping';
import { transform } from 'sucrase';
import type { RunError, SourcePosition } from '../kinds/protocol';

/** The name the compiled code runs under; stack frames of the snippet carry it. */
export const SOURCE_URL = 'lernmi-snippet.js';

export interface Compiled {
  js: string;
  /** number of hidden setup lines that precede the reader's code */
  setupLines: number;
  /** number of lines of the reader's code (hidden check lines follow them) */
  codeLines: number;
  map: TraceMap;
}

interface Joined {
  source: string;
  setupLines: number;
  codeLines: number;
}

/**
 * Joins hidden setup, visible code and an exercise's hidden checks, in that order: one
 * scope, so the checks can call what the reader's code defined.
 */
export function joinSource(code: string, setup?: string, check?: string): Joined {
  const s = setup ? setup.replace(/\n$/, '') : '';
  const setupLines = s ? s.split('\n').length : 0;
  const codeLines = code.split('\n').length;
  const source = [...(s ? [s] : []), code, ...(check ? [check] : [])].join('\n');
  return { source, setupLines, codeLines };
}

/** A 1-based position in the joined source, as the reader knows it: hidden, or in their code. */
function toVisible(line: number, column: number, j: { setupLines: number; codeLines: number }): SourcePosition {
  if (line <= j.setupLines) return { line, column, hidden: true };
  const inCode = line - j.setupLines;
  if (inCode > j.codeLines) return { line: inCode - j.codeLines, column, hidden: true };
  return { line: inCode, column };
}

export function compile(code: string, setup?: string, check?: string): { ok: true; compiled: Compiled } | { ok: false; error: RunError } {
  const joined = joinSource(code, setup, check);
  const { source, setupLines, codeLines } = joined;
  try {
    const r = transform(source, {
      transforms: ['typescript', 'imports'],
      filePath: 'snippet.ts',
      sourceMapOptions: { compiledFilename: SOURCE_URL },
      production: true,
    });
    // sucrase's RawSourceMap is a version 3 map with encoded mappings, as TraceMap reads it.
    const map = new TraceMap((r.sourceMap ?? { version: 3, sources: [], names: [], mappings: '' }) as EncodedSourceMap);
    return { ok: true, compiled: { js: r.code, setupLines, codeLines, map } };
  } catch (e) {
    const err = e as Error & { loc?: { line: number; column: number } };
    const message = String(err.message ?? e)
      .replace(/^Error transforming [^:]*:\s*/, '')
      .replace(/\s*\(\d+:\d+\)\s*$/, '');
    const error: RunError = { name: 'SyntaxError', message, phase: 'syntax' };
    if (err.loc) error.position = toVisible(err.loc.line, err.loc.column, joined);
    return { ok: false, error };
  }
}

/**
 * Maps a 1-based position in the compiled code to the reader's code. The nearest mapped
 * token at or before the column gives the source position; the distance past that token
 * is carried over, since sucrase maps tokens, not every character.
 */
export function mapPosition(c: Compiled, line: number, column: number): SourcePosition {
  const seg = traceSegment(c.map, line - 1, column - 1);
  if (!seg || seg.length < 4) return toVisible(line, column, c); // sucrase keeps lines: a fair guess
  const [genCol, , srcLine, srcCol] = seg as [number, number, number, number];
  return toVisible(srcLine + 1, srcCol + 1 + (column - 1 - genCol), c);
}
