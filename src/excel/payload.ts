/**
 * Sizes of what travels between the add-in and Excel. Excel on the web refuses a
 * request or a response over 5 MB; we keep every sync under 4 MB, estimating the
 * bytes the way they go on the wire (JSON, UTF-8).
 */

/** What we allow one sync to carry each way. */
export const SYNC_BUDGET = 3_800_000;

/** A queued command besides its arguments: object path, ids, method name. */
export const COMMAND_BYTES = 200;

/** Rows per read chunk, at most. */
export const CHUNK_ROWS = 5000;

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(v: unknown): number {
  return v === undefined ? 0 : utf8Length(JSON.stringify(v));
}
