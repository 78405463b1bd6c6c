// Reading progress kept in the browser: the ids of finished chapters.
// Storage may be full or disabled; then progress lasts for the page only.
const KEY = 'lernmi-finished';
const EVENT = 'lernmi:finished';
let memory = new Set<string>();

export function finishedChapters(): Set<string> {
  try {
    const raw = localStorage.getItem(KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(list)) memory = new Set(list.filter((x): x is string => typeof x === 'string'));
  } catch {
    /* keep the in-memory copy */
  }
  return new Set(memory);
}

export function setFinished(id: string, finished: boolean): void {
  const done = finishedChapters();
  if (finished) done.add(id);
  else done.delete(id);
  memory = done;
  try {
    localStorage.setItem(KEY, JSON.stringify([...done]));
  } catch {
    /* storage unavailable */
  }
  document.dispatchEvent(new CustomEvent(EVENT));
}

/**
 * Marks a chapter's list item finished or not: `data-finished` for the ✓ styling, and
 * " (finished)" in its link for screen readers (the ✓ itself is aria-hidden).
 */
export function showFinished(item: HTMLElement, finished: boolean): void {
  item.toggleAttribute('data-finished', finished);
  const a = item.querySelector('a');
  let note = a?.querySelector('.sr-only');
  if (finished && a && !note) {
    note = document.createElement('span');
    note.className = 'sr-only';
    note.textContent = ' (finished)';
    a.append(note);
  } else if (!finished && note) note.remove();
}

export function onFinishedChange(fn: () => void): void {
  document.addEventListener(EVENT, fn);
  window.addEventListener('storage', (e) => {
    if (e.key === KEY) fn();
  });
}
