// The words for how a run ended: the status line at the end of the output, the short
// note in the snippet's bar, and where to mark an error in the code.
import type { SourcePosition } from '../kinds/protocol';
import type { RunOutcome } from './client';

export interface OutcomeText {
  /** how the status line is styled */
  tone: 'ok' | 'error' | 'stopped';
  /** the status line at the end of the output */
  line: string;
  /** the bar repeats only what needs attention: empty after a clean run */
  bar: string;
  /** a position in the reader's visible code to mark, with its message */
  mark?: { line: number; column: number; message: string };
}

function where(p?: SourcePosition): string {
  if (!p) return '';
  return p.hidden ? ` (in the hidden setup, line ${p.line})` : ` (line ${p.line}, column ${p.column})`;
}

function duration(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/**
 * @param printed whether the run showed any output (a silent run gets a hint)
 * @param timeLimitSeconds the snippet's limit, named when a run hits it
 */
export function describeOutcome(o: RunOutcome, printed: boolean, timeLimitSeconds: number): OutcomeText {
  switch (o.status) {
    case 'ok': {
      const done = `Done in ${duration(o.ms)}.`;
      return { tone: 'ok', line: printed || o.dropped ? done : `${done} (It printed nothing: use console.log to see values.)`, bar: '' };
    }
    case 'error': {
      if (!o.error) break;
      const e = o.error;
      const text = `${e.phase === 'syntax' ? 'Did not run: ' : ''}${e.name}: ${e.message}${where(e.position)}`;
      const r: OutcomeText = { tone: 'error', line: text, bar: 'Error, see the output.' };
      if (e.position && !e.position.hidden) r.mark = { line: e.position.line, column: e.position.column, message: `${e.name}: ${e.message}` };
      return r;
    }
    case 'timeout':
      return {
        tone: 'stopped',
        line: `Stopped: time limit of ${timeLimitSeconds} s reached. The runner was shut down; fix any endless loop and press Run again.`,
        bar: `Stopped: time limit of ${timeLimitSeconds} s reached.`,
      };
    case 'stopped':
      return { tone: 'stopped', line: 'Stopped.', bar: 'Stopped.' };
  }
  // 'crashed' (or an error without its details): the runner itself failed.
  const text = o.message ?? 'The runner stopped working.';
  return { tone: 'error', line: text, bar: 'The runner stopped working.' };
}
