/** Attributes of a start tag the tokenizer handed out, read in place (no object per tag). */

function isNameEnd(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

/**
 * Calls `fn(s, nameStart, nameEnd, valueStart, valueEnd)` for each attribute of the start tag in
 * `s[from..to)` (from = just after the element name). Values are raw (entities kept).
 */
export function scanAttrs(
  s: string, from: number, to: number, fn: (s: string, nameStart: number, nameEnd: number, vs: number, ve: number) => void,
): void {
  let q = from;
  while (q < to) {
    const eq = s.indexOf('=', q);
    if (eq < 0 || eq >= to) return;
    let ns = q;
    while (ns < eq && isNameEnd(s.charCodeAt(ns))) ns++;
    let ne = eq;
    while (ne > ns && isNameEnd(s.charCodeAt(ne - 1))) ne--;
    let vq = eq + 1;
    while (vq < to && s.charCodeAt(vq) !== 34 && s.charCodeAt(vq) !== 39) vq++;
    if (vq >= to) return;
    const ve = s.indexOf(s[vq], vq + 1);
    if (ve < 0 || ve >= to) return;
    fn(s, ns, ne, vq + 1, ve);
    q = ve + 1;
  }
}

/** True when `s[ns..ne)` is `name` (an attribute name without prefix). */
export function nameIs(s: string, ns: number, ne: number, name: string): boolean {
  return ne - ns === name.length && s.startsWith(name, ns);
}
