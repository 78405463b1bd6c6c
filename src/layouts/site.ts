// Shared helpers for pages and layouts: base-aware URLs and the ordered chapter list.
import { getCollection, type CollectionEntry } from 'astro:content';

export const SITE_TITLE = 'Lernmi';
export const SITE_DESCRIPTION =
  'Learn backpropagation by running it: an interactive course with a real, editable neural-network engine in every chapter.';

/** The configured base path, always ending in "/". */
export const BASE = import.meta.env.BASE_URL.endsWith('/')
  ? import.meta.env.BASE_URL
  : `${import.meta.env.BASE_URL}/`;

/** An internal link that respects BASE_PATH: url('chapters/x/') -> '/base/chapters/x/'. */
export function url(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}

export type Chapter = CollectionEntry<'chapters'>;

/** Every chapter in reading order. */
export async function getChapters(): Promise<Chapter[]> {
  const chapters = await getCollection('chapters');
  return chapters.sort((a, b) => a.data.order - b.data.order);
}

export function chapterUrl(chapter: Chapter): string {
  return url(`chapters/${chapter.id}/`);
}
