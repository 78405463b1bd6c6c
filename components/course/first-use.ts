// Which chapter first uses an API name, for the reference's "first used in" links.
// Only code counts (runnable snippets and other fenced blocks, inline code, <Computed
// code="…">, <EngineSource name="…">): the prose says "network" and "link" all the time.
export interface ChapterText {
  title: string;
  order: number;
  url: string;
  /** The chapter's MDX source. */
  body: string;
}

/** The code of an MDX chapter, one piece per line. */
export function codeOf(mdx: string): string {
  const pieces: string[] = [];
  const withoutFences = mdx.replace(/^(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^\1\s*$/gm, (_, _fence, code: string) => {
    pieces.push(code);
    return '';
  });
  for (const m of withoutFences.matchAll(/`([^`\n]+)`/g)) pieces.push(m[1]);
  for (const m of withoutFences.matchAll(/\bcode=(?:"([^"]*)"|'([^']*)'|\{`([^`]*)`\})/g)) pieces.push(m[1] ?? m[2] ?? m[3]);
  for (const m of withoutFences.matchAll(/<EngineSource\b[^>]*\bname="([^"]+)"/g)) pieces.push(m[1]);
  return pieces.join('\n');
}

/** How code uses `name`: `show` is called, `show.table` and `datasets.xor` are written out, a class or function is named. */
export function usePattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!name.includes('.')) {
    // `show(…)` itself, not `show.table(…)`; any other name as a whole word, not after a dot.
    return name === 'show' ? /(?<![.\w$])show\s*\(/ : new RegExp(`(?<![.\\w$])${escaped}(?![\\w$])`);
  }
  return new RegExp(`(?<![.\\w$])${escaped}(?![\\w$])`);
}

/** The first chapter, in reading order, whose code uses `name`. */
export function firstUse(name: string, chapters: readonly ChapterText[]): ChapterText | undefined {
  const pattern = usePattern(name);
  return [...chapters].sort((a, b) => a.order - b.order).find((c) => pattern.test(codeOf(c.body)));
}
