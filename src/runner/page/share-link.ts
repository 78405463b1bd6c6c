// Share links: a snippet's code carried in the page's URL hash as
// `#share-<snippet key>=<lz-string, URI-safe>`. The hash never reaches a server, and the
// code it carries is only shown (marked as shared) until the reader presses Run.
// lz-string loads on first use, so pages that never share or open a link never fetch it.
import { LIMITS } from '../kinds/protocol';

export function sharePrefix(key: string): string {
  return `#share-${key}=`;
}

/** The encoded code in `hash` meant for the snippet `key`, or undefined if the hash is not one. */
export function sharedPart(hash: string, key: string): string | undefined {
  const prefix = sharePrefix(key);
  return hash.startsWith(prefix) ? hash.slice(prefix.length) : undefined;
}

export type Decoded = { ok: true; code: string } | { ok: false };

/**
 * The code in an encoded share link; not ok when it is damaged, empty or longer than
 * LIMITS.maxSharedChars. An encoded text longer than twice the cap is refused unread.
 */
export async function decodeShared(encoded: string): Promise<Decoded> {
  if (!encoded || encoded.length > LIMITS.maxSharedChars * 2) return { ok: false };
  let code: string | null;
  try {
    const { decompressFromEncodedURIComponent } = await import('lz-string');
    code = decompressFromEncodedURIComponent(encoded);
  } catch {
    return { ok: false };
  }
  if (!code || code.length > LIMITS.maxSharedChars) return { ok: false };
  return { ok: true, code };
}

export type Encoded = { ok: true; url: string } | { ok: false; reason: 'too-long' };

/** The address of the current page with `code` shared for the snippet `key`. */
export async function shareUrl(page: { origin: string; pathname: string; search: string }, key: string, code: string): Promise<Encoded> {
  if (code.length > LIMITS.maxSharedChars) return { ok: false, reason: 'too-long' };
  const { compressToEncodedURIComponent } = await import('lz-string');
  return { ok: true, url: `${page.origin}${page.pathname}${page.search}${sharePrefix(key)}${compressToEncodedURIComponent(code)}` };
}
