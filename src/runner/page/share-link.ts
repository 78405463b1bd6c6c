// Share links: a snippet's code carried in the page's URL hash as
// `#share-<snippet key>=d.<base64url of the code's UTF-8, compressed with deflate-raw>`.
// The hash never reaches a server, and the code it carries is only shown (marked as
// shared) until the reader presses Run.
//
// A link is a stranger's input, so it is bounded twice: before decompressing (its encoded
// length) and while decompressing (the browser's own DecompressionStream, fed a kilobyte
// at a time and stopped as soon as the output passes the cap), so a 64 KB "zip bomb" costs
// a few hundred kilobytes, not gigabytes. lz-string, used before, cannot stop early (a
// 64 KB link decoded to 392 million characters), so its links ("d." is missing) are
// refused with a notice rather than decoded: the site is new, and there are none to keep.
import { LIMITS } from '../kinds/protocol';

const FORMAT = 'd.';
/** UTF-8 bytes a decoded link may have: enough for LIMITS.maxSharedChars of any text */
export const MAX_DECODED_BYTES = LIMITS.maxSharedChars * 3;
/**
 * Encoded characters a link may have. Deflate never grows text by more than a few bytes
 * per 64 KB block, and base64 adds a third: this fits any code under the cap.
 */
export const MAX_ENCODED_CHARS = Math.ceil((MAX_DECODED_BYTES * 4) / 3) + 1000;
/** compressed bytes handed to the decompressor at a time (deflate expands at most ~1032×) */
const FEED = 1024;

export function sharePrefix(key: string): string {
  return `#share-${key}=`;
}

/** The encoded code in `hash` meant for the snippet `key`, or undefined if the hash is not one. */
export function sharedPart(hash: string, key: string): string | undefined {
  const prefix = sharePrefix(key);
  return hash.startsWith(prefix) ? hash.slice(prefix.length) : undefined;
}

export type Refusal = 'damaged' | 'too-long' | 'old-format';
export type Decoded = { ok: true; code: string } | { ok: false; reason: Refusal };

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/**
 * Decompresses `input`, giving up (undefined) as soon as the output passes `maxBytes`;
 * throws when the input is not deflate-raw data.
 */
export async function inflateBounded(input: Uint8Array<ArrayBuffer>, maxBytes: number): Promise<Uint8Array | undefined> {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let over = false;
  // Feed a little at a time, waiting for room: the decompressor never holds more than one
  // small input's worth of output, so stopping early really stops the work.
  const feeding = (async () => {
    for (let i = 0; i < input.length && !over; i += FEED) {
      await writer.ready;
      void writer.write(input.subarray(i, i + FEED)).catch(() => {});
    }
    if (!over) await writer.close();
  })();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        over = true;
        await reader.cancel();
        await feeding.catch(() => {});
        return undefined;
      }
      chunks.push(value);
    }
  } catch (e) {
    over = true;
    await feeding.catch(() => {});
    throw e;
  }
  await feeding;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The code in an encoded share link, or why it is refused. */
export async function decodeShared(encoded: string): Promise<Decoded> {
  if (!encoded) return { ok: false, reason: 'damaged' };
  if (!encoded.startsWith(FORMAT)) return { ok: false, reason: 'old-format' };
  if (encoded.length > MAX_ENCODED_CHARS) return { ok: false, reason: 'too-long' };
  const bytes = fromBase64Url(encoded.slice(FORMAT.length));
  if (!bytes?.length) return { ok: false, reason: 'damaged' };
  let raw: Uint8Array | undefined;
  try {
    raw = await inflateBounded(bytes, MAX_DECODED_BYTES);
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  if (!raw) return { ok: false, reason: 'too-long' };
  let code: string;
  try {
    code = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  if (!code) return { ok: false, reason: 'damaged' };
  if (code.length > LIMITS.maxSharedChars) return { ok: false, reason: 'too-long' };
  return { ok: true, code };
}

/** `code` as the part of a share link after the prefix. */
export async function encodeShared(code: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(code)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return FORMAT + toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

export type Encoded = { ok: true; url: string } | { ok: false; reason: 'too-long' };

/** The address of the current page with `code` shared for the snippet `key`. */
export async function shareUrl(page: { origin: string; pathname: string; search: string }, key: string, code: string): Promise<Encoded> {
  if (code.length > LIMITS.maxSharedChars) return { ok: false, reason: 'too-long' };
  return { ok: true, url: `${page.origin}${page.pathname}${page.search}${sharePrefix(key)}${await encodeShared(code)}` };
}
