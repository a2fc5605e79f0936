/**
 * JSON.stringify(value, null, 2), written in pieces: a report of 100,000 projects
 * is tens of megabytes, and one string of it (plus its encoded copy) would double
 * the command's memory. The output is byte for byte what JSON.stringify gives.
 * Values are written at their depth's indent directly: indenting a stringified
 * member afterwards copied every member's text once more.
 */

/** Arrays and objects with more members than this are written member by member. */
const CHUNK = 500;

export function writeJson(value: unknown, write: (s: string) => void, indent = ''): void {
  emit(jsonValue('', value), write, indent);
}

/** Writes `v`, a value toJSON was already applied to. */
function emit(v: unknown, write: (s: string) => void, indent: string): void {
  if (v !== null && typeof v === 'object' && hasLargeArray(v, 0)) {
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      write('[\n');
      for (let i = 0; i < v.length; i++) {
        write(inner);
        // JSON.stringify writes undefined, functions and symbols inside arrays as null.
        const item = jsonValue(String(i), v[i]);
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') write('null');
        else emit(item, write, inner);
        write(i < v.length - 1 ? ',\n' : '\n');
      }
      write(`${indent}]`);
      return;
    }
    let first = true;
    for (const k of Object.keys(v)) {
      const member = jsonValue(k, (v as Record<string, unknown>)[k]);
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      write(first ? `{\n${inner}${JSON.stringify(k)}: ` : `,\n${inner}${JSON.stringify(k)}: `);
      first = false;
      emit(member, write, inner);
    }
    write(first ? '{}' : `\n${indent}}`);
    return;
  }
  const text = stringify(v, indent);
  if (text !== undefined) write(text);
}

/** The value JSON.stringify serialises for `value` under `key`: toJSON applied, boxed primitives opened. */
function jsonValue(key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  let v: unknown = value;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(k: string): unknown }).toJSON(key);
  if (v instanceof Number) return Number(v);
  if (v instanceof String) return String(v);
  if (v instanceof Boolean) return v.valueOf();
  return v;
}

/** JSON.stringify(v, null, 2) with every line after the first at `indent`; undefined where it gives undefined. */
function stringify(v: unknown, indent: string): string | undefined {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (v === null) return 'null';
      const inner = `${indent}  `;
      if (Array.isArray(v)) {
        if (v.length === 0) return '[]';
        let s = `[\n${inner}`;
        for (let i = 0; i < v.length; i++) {
          if (i > 0) s += `,\n${inner}`;
          s += stringify(jsonValue(String(i), v[i]), inner) ?? 'null';
        }
        return `${s}\n${indent}]`;
      }
      let s = '';
      for (const k of Object.keys(v)) {
        const text = stringify(jsonValue(k, (v as Record<string, unknown>)[k]), inner);
        if (text === undefined) continue;
        s += s === '' ? `{${memberStart(inner, k)}${text}` : `,${memberStart(inner, k)}${text}`;
      }
      return s === '' ? '{}' : `${s}\n${indent}}`;
    }
    case 'bigint':
      return JSON.stringify(v); // throws, as JSON.stringify does
    default:
      return undefined;
  }
}

/** `\n<indent>"key": ` per indent and key: a report repeats the same few keys 100,000 times. */
const MEMBER_STARTS = new Map<string, Map<string, string>>();

function memberStart(indent: string, key: string): string {
  let byKey = MEMBER_STARTS.get(indent);
  if (!byKey) MEMBER_STARTS.set(indent, (byKey = new Map()));
  let text = byKey.get(key);
  if (text === undefined) {
    text = `\n${indent}${JSON.stringify(key)}: `;
    if (byKey.size < 1000) byKey.set(key, text);
  }
  return text;
}

/** True when the value holds, at any depth, an array worth writing member by member. */
function hasLargeArray(value: object, depth: number): boolean {
  if (Array.isArray(value)) {
    if (value.length > CHUNK) return true;
    if (depth >= 6) return false;
    for (const v of value) if (v !== null && typeof v === 'object' && hasLargeArray(v, depth + 1)) return true;
    return false;
  }
  if (depth >= 6) return false;
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    const v = (value as Record<string, unknown>)[k];
    if (v !== null && typeof v === 'object' && hasLargeArray(v, depth + 1)) return true;
  }
  return false;
}
