/** Cell types (the t attribute) as small integers, so the hot loops compare numbers; read from text or bytes alike. */
export const T_N = 0, T_S = 1, T_STR = 2, T_INLINE = 3, T_B = 4, T_E = 5, T_D = 6, T_OTHER = 7;

function codeAt(s: string | Uint8Array, i: number): number {
  return typeof s === 'string' ? s.charCodeAt(i) : s[i];
}

function isWord(s: string | Uint8Array, from: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (codeAt(s, from + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** The type code of a t attribute's value `s[from..to)`, as text (the tokenizer's) or bytes (the row scanners'). */
export function typeCode(s: string | Uint8Array, from: number, to: number): number {
  switch (to - from) {
    case 1:
      switch (codeAt(s, from)) {
        case 110: return T_N;
        case 115: return T_S;
        case 98: return T_B;
        case 101: return T_E;
        case 100: return T_D;
      }
      return T_OTHER;
    case 3:
      return isWord(s, from, 'str') ? T_STR : T_OTHER;
    case 9:
      return isWord(s, from, 'inlineStr') ? T_INLINE : T_OTHER;
  }
  return T_OTHER;
}
