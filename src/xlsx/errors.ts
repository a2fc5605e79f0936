import type { FileErrorCode } from '../core/types';

/** A file that cannot be used; the host localises the message by `code`. */
export class XlsxError extends Error {
  readonly code: FileErrorCode;
  constructor(code: FileErrorCode, message: string) {
    super(message);
    this.name = 'XlsxError';
    this.code = code;
  }
}

export function isXlsxError(e: unknown): e is XlsxError {
  return e instanceof XlsxError;
}
