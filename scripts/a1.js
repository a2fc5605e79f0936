'use strict';
/** `K15` → 0-based { r, c }. */
function fromA1(a1) {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

module.exports = { fromA1 };
