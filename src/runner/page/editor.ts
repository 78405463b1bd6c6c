// The snippet editor: CodeMirror 6 with TypeScript, loaded on first Edit. Colours come from
// CSS custom properties (set in the Snippet component for light and dark, each at least
// 5:1 against the editor background), so one HighlightStyle serves both themes.
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { Prec } from '@codemirror/state';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { completeFromList } from '@codemirror/autocomplete';
import { setDiagnostics } from '@codemirror/lint';
import { javascript, javascriptLanguage, typescriptLanguage } from '@codemirror/lang-javascript';
import { tags as t } from '@lezer/highlight';
import { ENGINE_NAMES } from 'virtual:lernmi/engine-names'; // generated from the engine's types

export interface SnippetEditor {
  getCode(): string;
  setCode(code: string): void;
  focus(): void;
  destroy(): void;
  /** underline the reader's code from line:column to the end of that line, with a message */
  markError?(line: number, column: number, message: string): void;
  clearError?(): void;
}

const v = (name: string) => `var(--code-${name})`;
const style = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword, t.definitionKeyword, t.modifier], color: v('keyword') },
  { tag: [t.string, t.special(t.string), t.regexp], color: v('string') },
  { tag: [t.number, t.bool, t.null, t.atom], color: v('number') },
  { tag: [t.comment, t.lineComment, t.blockComment], color: v('comment'), fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))], color: v('function') },
  { tag: [t.typeName, t.className, t.namespace, t.definition(t.typeName)], color: v('type') },
  { tag: [t.propertyName, t.variableName, t.definition(t.variableName), t.operator, t.punctuation, t.bracket], color: v('text') },
  { tag: t.invalid, color: v('keyword'), textDecoration: 'underline wavy' },
]);

const theme = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--surface)', fontSize: '0.9em' },
  '.cm-content': { fontFamily: 'var(--font-code)', caretColor: 'var(--text)', padding: '0.6rem 0' },
  '.cm-scroller': { fontFamily: 'var(--font-code)', lineHeight: '1.55' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--text-muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--surface-2)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--code-selection) !important' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-tooltip': { backgroundColor: 'var(--bg)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--bg)' },
  '.cm-completionInfo': { fontFamily: 'var(--font-ui)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--surface-2)', color: 'var(--text)', border: 'none' },
});

const engineCompletions = completeFromList(ENGINE_NAMES.map((n) => ({ label: n.label, type: n.type, info: n.info, boost: 2 })));

export function createEditor(opts: {
  parent: HTMLElement;
  doc: string;
  label: string;
  onRun: () => void;
  onChange: (code: string) => void;
}): SnippetEditor {
  const run = () => {
    opts.onRun();
    return true;
  };
  const view = new EditorView({
    parent: opts.parent,
    doc: opts.doc,
    extensions: [
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run }])),
      syntaxHighlighting(style),
      basicSetup,
      javascript({ typescript: true }),
      typescriptLanguage.data.of({ autocomplete: engineCompletions }),
      javascriptLanguage.data.of({ autocomplete: engineCompletions }),
      theme,
      EditorView.lineWrapping, // no sideways scrolling on a phone
      EditorView.contentAttributes.of({ 'aria-label': opts.label }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) opts.onChange(u.state.doc.toString());
      }),
    ],
  });
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (code) => {
      if (code !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
    markError: (line, column, message) => {
      const doc = view.state.doc;
      if (line < 1 || line > doc.lines) return;
      const l = doc.line(line);
      const from = Math.min(l.from + Math.max(0, column - 1), l.to);
      const to = from === l.to ? Math.min(doc.length, l.to + 1) : l.to;
      view.dispatch(setDiagnostics(view.state, [{ from: from === to ? l.from : from, to: Math.max(to, l.to), severity: 'error', message }]));
    },
    clearError: () => view.dispatch(setDiagnostics(view.state, [])),
  };
}
