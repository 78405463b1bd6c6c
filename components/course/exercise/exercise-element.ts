// <lernmi-exercise>: checks a reader's answer in the page, reveals hints one at a
// time and the solution after a confirmation, and remembers a solved exercise in this
// browser (see src/progress/exercises.ts). The markup comes from Exercise.astro.
import { parseAnswer } from './answer';
import { markSolved, onSolvedChange, solvedIn } from '../../../src/progress/exercises';
import { judgeChecks, judgeNumber, type CheckedRun, type Mistake } from './verdict';

/** The runner's snippet element, as far as a code exercise uses it. */
type CheckableSnippet = HTMLElement & { check?(code: string): Promise<CheckedRun | undefined> };

type VerdictKind = 'right' | 'mistake' | 'wrong' | 'notice';

class LernmiExercise extends HTMLElement {
  private verdict!: HTMLElement;

  connectedCallback(): void {
    if (this.verdict) return;
    this.verdict = this.querySelector('.exercise-verdict')!;
    // Radio buttons of one exercise form one group.
    for (const radio of this.querySelectorAll<HTMLInputElement>('.exercise-choice input')) {
      radio.name = `exercise-${this.dataset.id}`;
    }
    if (this.querySelectorAll('.exercise-hint').length === 0) this.button('hint').hidden = true;
    if (!this.querySelector('.exercise-solution')) this.button('solution').hidden = true;
    this.addEventListener('click', (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action) this.act(action);
    });
    this.input()?.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.act('check');
    });
    this.showSolved();
    onSolvedChange(() => this.showSolved());
  }

  private act(action: string): void {
    if (action === 'check') this.check();
    else if (action === 'hint') this.revealHint();
    else if (action === 'solution') this.confirming(true);
    else if (action === 'cancel') this.confirming(false);
    else if (action === 'confirm') {
      this.confirming(false);
      this.querySelector<HTMLElement>('.exercise-solution')!.hidden = false;
      this.button('solution').hidden = true;
    }
  }

  private check(): void {
    if (this.dataset.kind === 'choice') return this.checkChoice();
    if (this.dataset.kind === 'code') return void this.checkCode();
    const parsed = parseAnswer(this.input()?.value ?? '');
    if (!parsed.ok) return this.say('notice', parsed.message);
    const explained = [...this.querySelectorAll<HTMLElement>('.exercise-mistake')];
    const mistakes: Mistake[] = explained.map((element, i) => ({ value: Number(element.dataset.value), message: String(i) }));
    const verdict = judgeNumber(parsed.value, Number(this.dataset.answer), Number(this.dataset.tolerance), mistakes);
    if (verdict.kind === 'right') return this.solved(verdict.message);
    this.say(verdict.kind, verdict.message);
    // The author's explanation may hold math and emphasis: show it as written.
    if (verdict.kind === 'mistake') this.verdict.append(' ', ...cloneChildren(explained[Number(verdict.mistake)]));
  }

  private checkChoice(): void {
    const chosen = this.querySelector<HTMLInputElement>('.exercise-choice input:checked');
    if (!chosen) return this.say('notice', 'Choose one of the answers first.');
    if (chosen.hasAttribute('data-correct')) return this.solved('Right.');
    this.say('mistake', `Not this one. ${chosen.dataset.why ?? ''}`);
  }

  private async checkCode(): Promise<void> {
    const snippet = this.querySelector<CheckableSnippet>('lernmi-snippet');
    if (!snippet?.check) return this.say('notice', 'The code runner has not loaded yet; try again in a moment.');
    const button = this.button('check');
    button.disabled = true;
    this.say('notice', 'Checking your code…');
    try {
      const run = await snippet.check(this.dataset.check ?? '');
      if (!run) return this.say('notice', 'Your code is already running: wait for it, or press Stop, then Check again.');
      const verdict = judgeChecks(run);
      if (verdict.kind === 'right') return this.solved(verdict.message);
      this.say(verdict.kind, verdict.message);
    } finally {
      button.disabled = false;
    }
  }

  private solved(message: string): void {
    const saved = markSolved(this.dataset.chapter ?? '', this.dataset.id ?? '');
    const notice = saved ? '' : ' (This browser is not saving progress, so it will be forgotten when you leave the page.)';
    this.say('right', `${message} Solved.${notice}`);
    this.showSolved();
  }

  private showSolved(): void {
    const solved = solvedIn(this.dataset.chapter ?? '').has(this.dataset.id ?? '');
    this.toggleAttribute('data-solved', solved);
    this.querySelector<HTMLElement>('.exercise-solved-mark')!.hidden = !solved;
  }

  private revealHint(): void {
    const next = this.querySelector<HTMLElement>('.exercise-hint[hidden]');
    if (next) next.hidden = false;
    if (!this.querySelector('.exercise-hint[hidden]')) {
      const button = this.button('hint');
      button.disabled = true;
      button.textContent = 'No more hints';
    }
  }

  private confirming(on: boolean): void {
    this.querySelector<HTMLElement>('.exercise-confirm')!.hidden = !on;
    this.button('solution').hidden = on;
    if (on) this.querySelector<HTMLElement>('[data-action="confirm"]')!.focus();
    else if (!this.button('solution').hidden) this.button('solution').focus();
  }

  private say(kind: VerdictKind, message: string): void {
    this.verdict.dataset.kind = kind;
    this.verdict.textContent = message;
  }

  private input(): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>('[data-answer-input]');
  }

  private button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`.exercise-actions [data-action="${action}"]`)!;
  }
}

function cloneChildren(element: HTMLElement): Node[] {
  return [...element.childNodes].map((node) => node.cloneNode(true));
}

if (!customElements.get('lernmi-exercise')) customElements.define('lernmi-exercise', LernmiExercise);
