// The page's check of every message from the sandbox, before anything of it is used. The
// worker runs a stranger's code, which can tamper with the runner around it (patch the
// built-ins it uses), so a message is plain data of the shapes in protocol.ts or it is
// dropped. Lives beside protocol.ts: together they say what the page accepts.
import { isInt, record, str } from './fields';
import { checkEntry, type OutputEntry } from './index';
import { CAPS, type Dropped, type RunError, type SourcePosition, type WorkerToHost } from './protocol';

/** entries one message may carry (the worker sends them one at a time) */
const MAX_ENTRIES = 1000;

function dropped(x: unknown): Dropped | undefined | false {
  if (x === undefined) return undefined;
  const r = record(x);
  if (!r || !isInt(r.lines) || !isInt(r.bytes)) return false;
  if (r.cap === undefined) return { lines: r.lines, bytes: r.bytes };
  const cap = CAPS.find((c) => c === r.cap);
  return cap ? { lines: r.lines, bytes: r.bytes, cap } : false;
}

function position(x: unknown): SourcePosition | undefined | false {
  if (x === undefined) return undefined;
  const r = record(x);
  if (!r || !isInt(r.line, 1) || !isInt(r.column, 1) || (r.hidden !== undefined && typeof r.hidden !== 'boolean')) return false;
  return r.hidden ? { line: r.line, column: r.column, hidden: true } : { line: r.line, column: r.column };
}

function runError(x: unknown): RunError | undefined {
  const r = record(x);
  const name = str(r?.name, 100);
  const message = str(r?.message, 2000);
  const phase = r?.phase === 'syntax' || r?.phase === 'runtime' ? r.phase : undefined;
  const pos = position(r?.position);
  if (name === undefined || message === undefined || !phase || pos === false) return undefined;
  return pos ? { name, message, phase, position: pos } : { name, message, phase };
}

/**
 * The message if it is well formed and about `runId`; 'stale' when it is well formed
 * but about another run (or none is running); 'malformed' for anything else.
 */
export function checkMessage(data: unknown, runId: number | undefined): WorkerToHost | 'stale' | 'malformed' {
  const m = record(data);
  if (!m) return 'malformed';
  if (m.type === 'ready') return { type: 'ready' };
  if (!isInt(m.id, 1)) return 'malformed';
  const id = m.id;
  const about = (msg: WorkerToHost) => (id === runId ? msg : 'stale');
  switch (m.type) {
    case 'started':
      return about({ type: 'started', id });
    case 'output': {
      if (!Array.isArray(m.entries) || m.entries.length > MAX_ENTRIES) return 'malformed';
      const entries: OutputEntry[] = [];
      for (const x of m.entries) {
        const e = checkEntry(x);
        if (!e) return 'malformed';
        entries.push(e);
      }
      return about({ type: 'output', id, entries });
    }
    case 'done': {
      const d = dropped(m.dropped);
      const nonce = str(m.nonce, 64);
      if (d === false || nonce === undefined || typeof m.ms !== 'number' || !(m.ms >= 0)) return 'malformed';
      const base = { type: 'done' as const, id, nonce, ms: m.ms, ...(d ? { dropped: d } : {}) };
      if (m.ok === true) return about({ ...base, ok: true });
      const error = m.ok === false ? runError(m.error) : undefined;
      return error ? about({ ...base, ok: false, error }) : 'malformed';
    }
  }
  return 'malformed';
}
