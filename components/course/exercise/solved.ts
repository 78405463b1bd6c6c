// Which exercises a reader has solved, kept in this browser per chapter. Storage may be
// full or disabled: then solving still works, remembered for this page only, and the
// caller is told so it can say so.
const PREFIX = 'lernmi:exercises:';
const EVENT = 'lernmi:exercise-solved';
const memory = new Map<string, Set<string>>();

export function solvedIn(chapter: string): Set<string> {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(PREFIX + chapter) ?? '[]');
    if (Array.isArray(list)) memory.set(chapter, new Set(list.filter((x): x is string => typeof x === 'string')));
  } catch {
    /* keep what this page remembers */
  }
  return new Set(memory.get(chapter) ?? []);
}

/** Marks an exercise solved; returns false when the browser would not store it. */
export function markSolved(chapter: string, id: string): boolean {
  const solved = solvedIn(chapter);
  solved.add(id);
  memory.set(chapter, solved);
  let saved = true;
  try {
    localStorage.setItem(PREFIX + chapter, JSON.stringify([...solved]));
  } catch {
    saved = false;
  }
  document.dispatchEvent(new CustomEvent(EVENT, { detail: { chapter } }));
  return saved;
}

export function onSolvedChange(listener: () => void): void {
  document.addEventListener(EVENT, listener);
  window.addEventListener('storage', (event) => {
    if (event.key?.startsWith(PREFIX)) listener();
  });
}
