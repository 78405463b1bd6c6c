// The page side's pure parts: storage keys, share links, and the words for a run's end.
import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/runner/kinds/protocol';
import { describeOutcome } from '../../src/runner/page/outcome';
import { decodeShared, sharedPart, sharePrefix, shareUrl } from '../../src/runner/page/share-link';
import { hashCode, storageKey } from '../../src/runner/page/storage';

describe('storage keys', () => {
  test('depend on chapter, snippet and the original code', () => {
    const k = storageKey('02-neuron', 's1', 'console.log(1)');
    expect(k).toBe(`lernmi:snippet:02-neuron:s1:${hashCode('\u0000console.log(1)')}`);
    expect(storageKey('02-neuron', 's1', 'console.log(2)')).not.toBe(k);
    expect(storageKey('02-neuron', 's1', 'console.log(1)', 'setup')).not.toBe(k);
  });
});


describe('share links', () => {
  const page = { origin: 'https://lernmi.example', pathname: '/chapters/01-x/', search: '' };

  test('the code goes into the hash, under the snippet key, and comes back the same', async () => {
    const code = 'console.log("<b>hi</b>", 6 * 7); // ünïcode';
    const made = await shareUrl(page, 'hello', code);
    expect(made.ok).toBe(true);
    const url = new URL((made as { url: string }).url);
    expect(url.pathname).toBe('/chapters/01-x/');
    expect(url.hash.startsWith(sharePrefix('hello'))).toBe(true);
    const encoded = sharedPart(url.hash, 'hello')!;
    expect(await decodeShared(encoded)).toEqual({ ok: true, code });
  });

  test('a hash for another snippet, or none, is not a share link for this one', () => {
    expect(sharedPart('#share-other=abc', 'hello')).toBeUndefined();
    expect(sharedPart('', 'hello')).toBeUndefined();
    expect(sharedPart('#share-hello=abc', 'hello')).toBe('abc');
  });

  test('damaged, empty and oversized links are refused', async () => {
    expect(await decodeShared('%%%not-lz-string%%%')).toEqual({ ok: false });
    expect(await decodeShared('')).toEqual({ ok: false });
    expect(await decodeShared('A'.repeat(LIMITS.maxSharedChars * 2 + 1))).toEqual({ ok: false });
    const long = await shareUrl(page, 'hello', 'x'.repeat(LIMITS.maxSharedChars + 1));
    expect(long).toEqual({ ok: false, reason: 'too-long' });
  });
});

describe('the words for how a run ended', () => {
  test('a clean run: a status line with its time, and nothing in the bar; a silent run gets a hint', () => {
    expect(describeOutcome({ status: 'ok', ms: 3.21 }, true, 5)).toEqual({ tone: 'ok', line: 'Done in 3.2 ms.', bar: '' });
    expect(describeOutcome({ status: 'ok', ms: 42.4 }, false, 5).line).toBe('Done in 42 ms. (It printed nothing: use console.log to see values.)');
  });

  test('an error names its line and column, and marks them in the code', () => {
    const o = describeOutcome({ status: 'error', ms: 1, error: { name: 'TypeError', message: 'x is undefined', phase: 'runtime', position: { line: 7, column: 3 } } }, true, 5);
    expect(o).toEqual({
      tone: 'error',
      line: 'TypeError: x is undefined (line 7, column 3)',
      bar: 'Error, see the output.',
      mark: { line: 7, column: 3, message: 'TypeError: x is undefined' },
    });
  });

  test('a syntax error says nothing ran; an error in hidden setup is named but not marked', () => {
    const syntax = describeOutcome({ status: 'error', ms: 0, error: { name: 'SyntaxError', message: 'Unexpected token', phase: 'syntax', position: { line: 2, column: 15 } } }, false, 5);
    expect(syntax.line).toBe('Did not run: SyntaxError: Unexpected token (line 2, column 15)');
    const hidden = describeOutcome({ status: 'error', ms: 0, error: { name: 'Error', message: 'm', phase: 'runtime', position: { line: 1, column: 1, hidden: true } } }, false, 5);
    expect(hidden.line).toBe('Error: m (in the hidden setup, line 1)');
    expect(hidden.mark).toBeUndefined();
  });

  test('the time limit is named in the line and the bar, whole or not', () => {
    const o = describeOutcome({ status: 'timeout', ms: 1500 }, false, 1.5);
    expect(o.tone).toBe('stopped');
    expect(o.line).toMatch(/^Stopped: time limit of 1\.5 s reached\. The runner was shut down/);
    expect(o.bar).toBe('Stopped: time limit of 1.5 s reached.');
  });

  test('Stop, and a runner that broke', () => {
    expect(describeOutcome({ status: 'stopped', ms: 9 }, true, 5)).toEqual({ tone: 'stopped', line: 'Stopped.', bar: 'Stopped.' });
    const crash = describeOutcome({ status: 'crashed', ms: 9, message: 'The runner stopped working: blocked' }, false, 5);
    expect(crash).toEqual({ tone: 'error', line: 'The runner stopped working: blocked', bar: 'The runner stopped working.' });
  });
});
