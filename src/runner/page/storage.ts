// Saved edits, per snippet, in localStorage. The key holds the chapter, the snippet's id
// and a hash of its original code, so when a chapter changes a snippet, old edits of the
// old version are never revived on top of the new one. Every call survives storage that
// is full, disabled or throwing: it reports failure instead.

export interface SavedEdit {
  code: string;
  /** when it was saved (ms since epoch): the newer edit wins between tabs */
  t: number;
}

/** FNV-1a, 32 bit, base 36: short and stable; not for security. */
export function hashCode(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function storageKey(chapter: string, key: string, original: string, setup = ''): string {
  return `lernmi:snippet:${chapter}:${key}:${hashCode(setup + '\u0000' + original)}`;
}

function store(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadEdit(key: string): SavedEdit | null {
  try {
    return parseEdit(store()?.getItem(key) ?? null);
  } catch {
    return null;
  }
}

/** A saved edit from its stored text (also what a `storage` event from another tab carries). */
export function parseEdit(raw: string | null): SavedEdit | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<SavedEdit>;
    return typeof v.code === 'string' && typeof v.t === 'number' ? { code: v.code, t: v.t } : null;
  } catch {
    return null;
  }
}

/** Returns false when the edit could not be saved (storage full or disabled). */
export function saveEdit(key: string, code: string, t = Date.now()): boolean {
  try {
    const s = store();
    if (!s) return false;
    s.setItem(key, JSON.stringify({ code, t } satisfies SavedEdit));
    return true;
  } catch {
    return false;
  }
}

export function clearEdit(key: string): boolean {
  try {
    store()?.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/** A marker that a run is in progress, so a tab closed mid-run can say so next time. */
export function setRunning(key: string, running: boolean) {
  try {
    const s = store();
    if (running) s?.setItem(key + ':running', String(Date.now()));
    else s?.removeItem(key + ':running');
  } catch {
    /* a missing marker only loses a notice */
  }
}

export function wasRunning(key: string): boolean {
  try {
    return !!store()?.getItem(key + ':running');
  } catch {
    return false;
  }
}
