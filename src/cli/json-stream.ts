/**
 * JSON.stringify(value, null, 2), written in pieces: a report of 100,000 projects
 * is tens of megabytes, and one string of it (plus its encoded copy) would double
 * the command's memory. The output is byte for byte what JSON.stringify gives.
 */

/** Arrays and objects with more members than this are written member by member. */
const CHUNK = 500;

export function writeJson(value: unknown, write: (s: string) => void, indent = ''): void {
  if (Array.isArray(value) && value.length > 0 && hasLargeArray(value)) {
    const inner = `${indent}  `;
    write('[\n');
    value.forEach((item, i) => {
      write(inner);
      // JSON.stringify writes undefined, functions and symbols inside arrays as null.
      writeJson(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, write, inner);
      write(i < value.length - 1 ? ',\n' : '\n');
    });
    write(`${indent}]`);
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function' && hasLargeArray(value)) {
    const inner = `${indent}  `;
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    if (entries.length === 0) {
      write('{}');
      return;
    }
    write('{\n');
    entries.forEach(([k, v], i) => {
      write(`${inner}${JSON.stringify(k)}: `);
      writeJson(v, write, inner);
      write(i < entries.length - 1 ? ',\n' : '\n');
    });
    write(`${indent}}`);
    return;
  }
  const text = JSON.stringify(value, null, 2);
  write(indent ? text.replace(/\n/g, `\n${indent}`) : text);
}

/** True when the value holds, at any depth, an array worth writing member by member. */
function hasLargeArray(value: unknown, depth = 0): boolean {
  if (depth > 6 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    if (value.length > CHUNK) return true;
    return value.some((v) => hasLargeArray(v, depth + 1));
  }
  return Object.values(value).some((v) => hasLargeArray(v, depth + 1));
}
