import { SEPARATOR } from './format.js';

/**
 * The GADDAG paths of a sorted key list (Gordon 1994): for a word x1..xn, every
 * `rev(x1..xi) SEP x(i+1)..xn` for 1 <= i < n, and `rev(x1..xn)` without the separator (the
 * separator before an empty suffix adds nothing). Keys and results are strings of glyph codes;
 * the result is sorted and distinct.
 */
export function gaddagKeys(keys: readonly string[]): string[] {
  const out: string[] = [];
  const sep = String.fromCharCode(SEPARATOR);
  for (const w of keys) {
    let rev = '';
    for (let i = 0; i < w.length; i++) {
      rev = w[i] + rev;
      out.push(i === w.length - 1 ? rev : rev + sep + w.slice(i + 1));
    }
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i] as string;
  out.length = n;
  return out;
}
