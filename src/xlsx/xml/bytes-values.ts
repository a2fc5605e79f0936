/** Values read from a sheet's UTF-8 bytes without decoding them: numbers, integers, cell references, text (the t attribute is read in cell-types.ts, for text and bytes alike). */

const dec = new TextDecoder();

/** 10^k for k ≤ 22, all exact doubles. */
const POW10: number[] = [];
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10.push(p);

export function text(b: Uint8Array, from: number, to: number): string {
  return to > from ? dec.decode(b.subarray(from, to)) : '';
}

/**
 * The number `b[s..e)` spells, as Number() reads it. Plain decimals of up to 15 digits
 * are exact as integer / 10^k (both exact, the division correctly rounded); anything
 * else goes through Number().
 */
export function numberAt(b: Uint8Array, s: number, e: number): number {
  let i = s;
  const neg = b[i] === 45;
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let frac = 0;
  let dot = false;
  for (; i < e; i++) {
    const ch = b[i];
    if (ch >= 48 && ch <= 57) {
      m = m * 10 + (ch - 48);
      digits++;
      if (dot) frac++;
    } else if (ch === 46 && !dot) dot = true;
    else return Number(text(b, s, e));
  }
  if (digits === 0 || digits > 15) return Number(text(b, s, e));
  const v = frac === 0 ? m : m / POW10[frac];
  return neg ? -v : v;
}

/** Digits `b[s..e)` as an integer (0 when empty, as the tokenizer's reader has it), else Number(). */
export function intAt(b: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const ch = b[i];
    if (ch < 48 || ch > 57) return Number(text(b, s, e));
    n = n * 10 + (ch - 48);
  }
  return n;
}

/** Row (0-based) of the reference last read by refCol. */
export const ref = { row: -1 };

/**
 * Column of a cell reference `b[s..e)` (`A12`, `$A$12`), 0-based, its row into ref.row;
 * -1 when it is not one (a character other than letters, digits and `$` in their places).
 * A reference with no row (`C`, `A0`) gives ref.row -1: it places nothing.
 */
export function refCol(b: Uint8Array, s: number, e: number): number {
  let c = 0;
  let i = s;
  for (; i < e; i++) {
    const ch = b[i];
    if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) c = c * 26 + (ch - 96);
    else if (ch !== 36) break;
  }
  let r = 0;
  for (; i < e; i++) {
    const ch = b[i];
    if (ch >= 48 && ch <= 57) r = r * 10 + (ch - 48);
    else if (ch !== 36) return -1;
  }
  ref.row = r - 1;
  return c - 1;
}
