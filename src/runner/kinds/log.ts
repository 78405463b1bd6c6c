// The "log" kind: one printed message (console.log/info/warn/error, show of a plain value).
import { el } from './dom';
import { formatArgs } from './format';
import type { KindData, KindView } from './kind';

export const LOG_LEVELS = ['log', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogEntry {
  kind: 'log';
  level: LogLevel;
  text: string;
}

/** Worker side: console.log-style arguments, formatted and capped. */
export function build(level: LogLevel, args: unknown[]): LogEntry {
  return { kind: 'log', level, text: formatArgs(args) };
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export const data: KindData<LogEntry> = {
  size: (e) => ({ lines: lineCount(e.text), chars: e.text.length + 1 }),
  text: (e) => e.text,
};

export const view: KindView<LogEntry> = {
  // The class comes from the fixed list, never from the message itself.
  render: (e) => el('div', `line ${LOG_LEVELS.includes(e.level) ? e.level : 'log'}`, e.text),
};
