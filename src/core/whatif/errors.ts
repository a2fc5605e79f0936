/**
 * What can be wrong with a planner's what-if input, as data: a code, the
 * parameters a message needs and, for expressions, the 1-based character position.
 * messages.ts turns these into sentences per language.
 */

export type WhatifErrorCode =
  | 'bad-adjust'
  | 'unknown-adjust-field'
  | 'adjust-not-found'
  | 'bad-indicator-spec'
  | 'duplicate-indicator'
  | 'indicator-too-long'
  | 'indicator-too-deep'
  | 'indicator-too-complex'
  | 'indicator-syntax'
  | 'indicator-unknown-field'
  | 'indicator-not-allowed';

export type WhatifErrorParams = Record<string, string | number>;

export class WhatifInputError extends Error {
  constructor(
    readonly code: WhatifErrorCode,
    readonly params: WhatifErrorParams,
    /** 1-based character of the expression at fault, when there is one. */
    readonly position: number | null = null,
  ) {
    super(`${code}: ${JSON.stringify(params)}${position === null ? '' : ` at ${position}`}`);
    this.name = 'WhatifInputError';
  }
}

export function isWhatifInputError(e: unknown): e is WhatifInputError {
  return e instanceof WhatifInputError;
}
