// <lernmi-snippet>: the small custom element behind every runnable snippet. It is all
// the JavaScript a chapter loads up front; the runner (sandbox pool, renderer) and the
// editor (CodeMirror) load with dynamic import() on first use.
import type { CheckEntry } from '../kinds/check';
import { LIMITS } from '../kinds/protocol';
import type { RunOutcome } from './client';
import { describeOutcome } from './outcome';
import { decodeShared, sharedPart, shareUrl, type Refusal } from './share-link';
import { clearEdit, loadEdit, parseEdit, saveEdit, setRunning, storageKey, wasRunning } from './storage';

type Session = typeof import('./session');
type Editor = import('./editor').SnippetEditor;

const REFUSED: Record<Refusal, string> = {
  damaged: 'The code in this link could not be read (it is damaged), so the original snippet is shown.',
  'too-long': `The code in this link could not be read: it is too long (over ${LIMITS.maxSharedChars.toLocaleString('en')} characters), so it was refused and the original snippet is shown.`,
  'old-format': 'The code in this link could not be read: it is in an older link format this site no longer opens. The original snippet is shown.',
};

let sessionP: Promise<Session> | undefined;
const session = () => (sessionP ??= import('./session'));

/** What an exercise learns from checking the reader's code: how the run ended, and each test's verdict. */
export interface CheckRun {
  outcome: RunOutcome;
  checks: CheckEntry[];
  timeLimitSeconds: number;
}

class LernmiSnippet extends HTMLElement {
  private original = '';
  private setup = '';
  private key = '';
  private storeKey = '';
  private timeout: number = LIMITS.timeLimitSeconds;
  private code = '';
  private origin: 'original' | 'edited' | 'shared' = 'original';
  private savedT = 0;
  private editor?: Editor;
  private editorP?: Promise<Editor | undefined>;
  private handle?: { stop: () => void };
  private saveTimer?: ReturnType<typeof setTimeout>;
  private storageWarned = false;
  /** true while the page itself puts code in the editor: that is not the reader editing */
  private applying = false;
  /** the last run's error position, for an editor that opens after the run ended */
  private lastError?: [number, number, string];
  private $ = <T extends HTMLElement = HTMLElement>(sel: string) => this.querySelector<T>(sel)!;

  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = '1';
    const d = this.dataset;
    this.original = d.code ?? '';
    this.setup = d.setup ?? '';
    this.key = d.key ?? 's';
    this.timeout = Number(d.timeout) || LIMITS.timeLimitSeconds;
    this.code = this.original;
    this.storeKey = storageKey(d.chapter ?? location.pathname, this.key, this.original, this.setup);

    this.$('[data-act=run]').addEventListener('click', () => this.run());
    this.$('[data-act=stop]').addEventListener('click', () => this.stop());
    this.$('[data-act=edit]').addEventListener('click', () => this.toggleEditor());
    this.$('[data-act=reset]').addEventListener('click', () => this.reset());
    this.$('[data-act=copy]').addEventListener('click', () => this.copyLink());
    const warm = () => session().then((s) => s.prewarm()).catch(() => {});
    for (const ev of ['pointerenter', 'focus', 'touchstart']) this.$('[data-act=run]').addEventListener(ev, warm, { once: true, passive: true });
    const warmEditor = () => void import('./editor').catch(() => {});
    this.$('[data-act=edit]').addEventListener('pointerenter', warmEditor, { once: true, passive: true });

    if (wasRunning(this.storeKey)) {
      setRunning(this.storeKey, false);
      this.notice('This snippet was still running when the page was last closed. It has not been run again; press Run when you are ready.');
    }
    // A shared link opened on this very page changes only the hash: no reload.
    window.addEventListener('hashchange', () => void this.checkHash());
    // The reader's own saved code first: a link then asks before it replaces it.
    const saved = loadEdit(this.storeKey);
    if (saved && saved.code !== this.original) {
      this.savedT = saved.t;
      this.setCode(saved.code, 'edited');
    }
    this.checkHash();
    window.addEventListener('storage', (e: StorageEvent) => {
      if (e.key !== this.storeKey) return;
      const other = parseEdit(e.newValue);
      if (other && other.t > this.savedT && other.code !== this.code) {
        this.savedT = other.t;
        this.setCode(other.code, 'edited');
        this.notice('Updated with your newer edit from another tab.');
      }
    });
  }

  /** Opens the code of a share link meant for this snippet, if the page's hash is one. */
  private checkHash(): boolean {
    const encoded = sharedPart(location.hash, this.key);
    if (encoded === undefined) return false;
    void this.openShared(encoded);
    return true;
  }

  /** Shows a notice (empty text hides it), with buttons after the text if given. */
  private notice(text: string, actions: [label: string, act: () => void][] = []) {
    const n = this.$('.snippet-notice');
    n.textContent = text;
    for (const [label, act] of actions) {
      const b = document.createElement('button');
      b.className = 'snippet-btn snippet-notice-btn';
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', act);
      n.append(' ', b);
    }
    n.hidden = !text;
  }

  private status(text: string) {
    this.$('.snippet-status').textContent = text;
  }

  /** Shows `code` (without the editor: as plain text) and remembers where it came from. */
  private setCode(code: string, origin: 'original' | 'edited' | 'shared', fromEditor = false) {
    this.code = code;
    this.origin = code === this.original && origin !== 'shared' ? 'original' : origin;
    if (this.editor && !fromEditor) {
      this.applying = true;
      try {
        this.editor.setCode(code);
      } finally {
        this.applying = false;
      }
    }
    const badge = this.$('.snippet-badge');
    badge.textContent = this.origin === 'shared' ? 'shared code' : this.origin === 'edited' ? 'edited' : '';
    badge.hidden = this.origin === 'original';
    this.dataset.origin = this.origin;
    this.renderStatic();
  }

  private renderStatic() {
    const editing = !!this.editor && this.dataset.editing === '1';
    const plain = this.$('.snippet-plain');
    this.$('.snippet-code').hidden = editing || this.origin !== 'original';
    plain.hidden = editing || this.origin === 'original';
    if (!plain.hidden) {
      const code = document.createElement('code');
      for (const line of this.code.split('\n')) {
        const span = document.createElement('span');
        span.className = 'line';
        span.textContent = line;
        code.append(span, '\n');
      }
      plain.replaceChildren(code);
    }
  }

  /**
   * Opens the code of a share link. It replaces the reader's code only by their choice: when
   * the editor is open or they have code of their own, they are asked, and their own code
   * stays saved (under a key of its own) and can be brought back.
   */
  private async openShared(encoded: string) {
    const shared = await decodeShared(encoded);
    if (!shared.ok) {
      this.notice(REFUSED[shared.reason]);
      return;
    }
    const own = this.currentCode();
    if (shared.code === own) {
      this.setCode(shared.code, 'shared');
      this.sharedNotice();
      return;
    }
    if (this.dataset.editing === '1' || this.origin === 'edited') {
      this.notice('A shared link brought other code for this snippet. Open it? Your own code stays saved, and you can come back to it.', [
        ['Open the shared code', () => {
          if (this.origin === 'edited') saveEdit(this.mineKey(), own);
          this.applyShared(shared.code);
        }],
        ['Keep my code', () => {
          this.clearHash();
          this.notice('Kept your code. The shared code was not opened.');
        }],
      ]);
      this.scrollIntoView({ block: 'start' });
      return;
    }
    this.applyShared(shared.code);
    this.scrollIntoView({ block: 'start' });
  }

  /** Where the reader's own code waits while they look at shared code. */
  private mineKey() {
    return `${this.storeKey}:before-shared`;
  }

  private applyShared(code: string) {
    clearTimeout(this.saveTimer);
    this.setCode(code, 'shared');
    this.sharedNotice();
  }

  private sharedNotice() {
    const mine = loadEdit(this.mineKey());
    this.notice(
      'This code came from a shared link. Nothing has run: read it first, then press Run if you want to.',
      mine ? [['Back to my code', () => this.restoreMine()]] : [],
    );
  }

  private restoreMine() {
    const mine = loadEdit(this.mineKey());
    if (!mine) return;
    clearTimeout(this.saveTimer);
    this.setCode(mine.code, 'edited');
    this.save();
    clearEdit(this.mineKey());
    this.clearHash();
    this.notice('');
    this.status('Back to your own code.');
  }

  private clearHash() {
    if (sharedPart(location.hash, this.key) !== undefined) history.replaceState(history.state, '', location.pathname + location.search);
  }

  private async copyLink() {
    let link: Awaited<ReturnType<typeof shareUrl>>;
    try {
      link = await shareUrl(location, this.key, this.currentCode());
    } catch {
      this.status('Could not make a link.');
      return;
    }
    if (!link.ok) {
      this.status(`Too long to share as a link (over ${LIMITS.maxSharedChars / 1000} KB).`);
      return;
    }
    this.dataset.link = link.url;
    try {
      await navigator.clipboard.writeText(link.url);
      this.status('Link copied.');
    } catch {
      history.replaceState(history.state, '', link.url);
      this.status('Copying is blocked here: the link is now in the address bar.');
    }
  }

  private currentCode() {
    return this.editor ? this.editor.getCode() : this.code;
  }

  private loadEditor(): Promise<Editor | undefined> {
    return (this.editorP ??= (async () => {
      const host = this.$('.snippet-editor');
      const caption = this.$('figcaption .snippet-title').textContent ?? 'snippet';
      try {
        const { createEditor } = await import('./editor');
        this.editor = createEditor({
          parent: host,
          doc: this.code,
          label: `Code editor: ${caption}`,
          onRun: () => void this.run(),
          onChange: (code) => this.onEdit(code),
        });
      } catch {
        // The editor could not load (offline?): a plain text area still lets the reader edit.
        const ta = document.createElement('textarea');
        ta.className = 'snippet-textarea';
        ta.value = this.code;
        ta.spellcheck = false;
        ta.setAttribute('aria-label', `Code editor: ${caption}`);
        ta.rows = Math.min(30, this.code.split('\n').length + 1);
        ta.addEventListener('input', () => this.onEdit(ta.value));
        ta.addEventListener('keydown', (e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); void this.run(); }
        });
        host.replaceChildren(ta);
        this.editor = { getCode: () => ta.value, setCode: (c) => (ta.value = c), focus: () => ta.focus(), destroy: () => ta.remove() };
      }
      return this.editor;
    })());
  }

  private async toggleEditor() {
    const btn = this.$('[data-act=edit]');
    if (this.dataset.editing === '1') {
      this.dataset.editing = '';
      btn.setAttribute('aria-pressed', 'false');
      this.$('.snippet-editor').hidden = true;
      this.renderStatic();
      return;
    }
    this.status('Loading the editor…');
    const ed = await this.loadEditor();
    this.status('');
    if (!ed) return;
    ed.setCode(this.code);
    if (this.lastError) ed.markError?.(...this.lastError);
    this.dataset.editing = '1';
    btn.setAttribute('aria-pressed', 'true');
    this.$('.snippet-editor').hidden = false;
    this.renderStatic();
    ed.focus();
  }

  private onEdit(code: string) {
    if (this.applying) return;
    const origin = code === this.original ? 'original' : 'edited';
    this.setCode(code, origin, true);
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), 250);
  }

  private save() {
    const t = Date.now();
    const ok = this.origin === 'original' ? clearEdit(this.storeKey) : saveEdit(this.storeKey, this.code, t);
    this.savedT = t;
    if (!ok && !this.storageWarned) {
      this.storageWarned = true;
      this.notice('Your edits cannot be saved in this browser (storage is full or turned off). You can still edit and run; use Copy link to keep your code.');
    }
  }

  private reset() {
    clearTimeout(this.saveTimer);
    clearEdit(this.storeKey);
    this.savedT = Date.now();
    this.setCode(this.original, 'original');
    this.clearHash();
    this.notice('');
    this.status('Back to the original code.');
  }

  /**
   * Runs the reader's current code followed by an exercise's hidden tests (in the same
   * run, so the same time limit and Stop apply) and resolves with how the run ended and
   * the tests' verdicts. Resolves undefined if a run is already going.
   */
  async check(checkCode: string): Promise<CheckRun | undefined> {
    return this.run(checkCode);
  }

  private async run(check?: string): Promise<CheckRun | undefined> {
    if (this.handle) return undefined;
    const runBtn = this.$('[data-act=run]');
    const stopBtn = this.$('[data-act=stop]');
    const hadFocus = document.activeElement === runBtn;
    const code = this.currentCode();
    const log = this.$('.snippet-output');
    this.dataset.state = 'running';
    runBtn.hidden = true;
    stopBtn.hidden = false;
    if (hadFocus) stopBtn.focus();
    this.status('Running…');
    this.markError();
    log.hidden = false;
    const pending = { stop: () => {}, stopped: false };
    pending.stop = () => (pending.stopped = true);
    this.handle = pending;
    let s: Session;
    try {
      s = await session();
    } catch {
      this.finishUi(hadFocus);
      this.status('The runner could not load. Check your connection and try again.');
      return;
    }
    const view = new s.OutputView(log);
    view.clear();
    if (pending.stopped) {
      this.finishUi(hadFocus);
      view.end(s.statusLine('stopped', 'Stopped.'));
      this.status('Stopped.');
      return;
    }
    setRunning(this.storeKey, true);
    let started = false;
    const checks: CheckEntry[] = [];
    const h = s.run(code, { setup: this.setup || undefined, check, timeLimitSeconds: this.timeout }, {
      onStart: () => {
        started = true;
        this.status('Running…');
      },
      onOutput: (entries) => {
        view.push(entries);
        for (const e of entries) if (e.kind === 'check') checks.push(e);
      },
      onMalformed: () => view.malformedDropped(),
    });
    // At most two runs at a time: say so when this one has to wait for a free runner.
    setTimeout(() => {
      if (!started && this.handle === h) this.status('Waiting for a free runner (two snippets are already running)…');
    }, 300);
    this.handle = h;
    const o = await h.done;
    setRunning(this.storeKey, false);
    if (o.status === 'stopped' || o.status === 'timeout') view.halt();
    const text = describeOutcome(o, view.hasOutput, this.timeout);
    if (text.mark) this.markError(text.mark.line, text.mark.column, text.mark.message);
    view.end(s.statusLine(text.tone, text.line), o.dropped);
    this.finishUi(hadFocus || document.activeElement === stopBtn);
    this.status(text.bar);
    return { outcome: o, checks, timeLimitSeconds: this.timeout };
  }

  /** Marks the line of an error in the code (the editor underlines it too); no args clears. */
  private markError(line?: number, column = 1, message = '') {
    for (const el of this.querySelectorAll('.error-line')) el.classList.remove('error-line');
    this.lastError = line === undefined ? undefined : [line, column, message];
    if (line === undefined) {
      this.editor?.clearError?.();
      return;
    }
    for (const block of this.querySelectorAll('.snippet-code, .snippet-plain')) {
      block.querySelectorAll('.line')[line - 1]?.classList.add('error-line');
    }
    this.editor?.markError?.(line, column, message);
  }

  private finishUi(refocus: boolean) {
    this.handle = undefined;
    this.dataset.state = '';
    const runBtn = this.$('[data-act=run]');
    runBtn.hidden = false;
    this.$('[data-act=stop]').hidden = true;
    if (refocus) runBtn.focus();
  }

  private stop() {
    this.handle?.stop();
  }
}

if (!customElements.get('lernmi-snippet')) customElements.define('lernmi-snippet', LernmiSnippet);
