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

export function onFinishedChange(fn: () => void): void {
  document.addEventListener(EVENT, fn);
  window.addEventListener('storage', (e) => {
    if (e.key === KEY) fn();
  });
}
