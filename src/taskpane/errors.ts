/**
 * Any failure as one plain sentence in the user's language: file errors by
 * their code, Excel errors by theirs, anything else as "something went wrong".
 * Never a stack trace or an internal message. Errors are recognised by shape,
 * since the web page's arrive from a worker as plain objects.
 */
import type { Field, FileErrorCode, Lang } from '../core/types';
import { hostMessage, type HostErrorCode } from '../excel/host-error';
import { messages } from '../i18n/index';
import { paneStrings } from './strings';

const FILE_CODES: readonly FileErrorCode[] = ['unreadable-file', 'not-a-workbook', 'encrypted-workbook', 'no-ledger-found', 'too-large'];
const HOST_CODES: readonly HostErrorCode[] = [
  'cell-edit-mode', 'payload-too-large', 'not-supported', 'not-found', 'access-denied', 'busy', 'name-conflict',
  'settings-save-failed', 'no-excel', 'unknown',
];

/** The plain-data form of an error, as it crosses from a worker. */
export interface ErrorShape {
  name?: string;
  code?: string;
  missing?: Field[];
}

export function errorShape(e: unknown): ErrorShape {
  if (typeof e !== 'object' || e === null) return {};
  const o = e as Record<string, unknown>;
  const out: ErrorShape = {};
  if (typeof o.name === 'string') out.name = o.name;
  if (typeof o.code === 'string') out.code = o.code;
  if (Array.isArray(o.missing)) out.missing = o.missing.filter((f): f is Field => typeof f === 'string');
  return out;
}

export function describeError(e: unknown, lang: Lang): string {
  const t = paneStrings(lang);
  const { name, code, missing } = errorShape(e);
  if (code === 'no-ledger-found' && missing && missing.length > 0) {
    const fields = messages(lang).fields;
    const looked = missing.map((f) => `「${fields[f] ?? f}」`).join(t.listSeparator);
    return t.noLedger(lang === 'en' ? missing.map((f) => fields[f] ?? f).join(', ') : looked);
  }
  if (code && (FILE_CODES as readonly string[]).includes(code)) return t.fileErrors[code as FileErrorCode];
  // Excel's errors carry the adapter's codes; Office's own (ItemNotFound…) are mapped there.
  if (name === 'HostError' && code && (HOST_CODES as readonly string[]).includes(code)) {
    return code === 'unknown' ? t.unexpected : hostMessage(code as HostErrorCode, lang);
  }
  return t.unexpected;
}
