/** Messages between the web page and its worker: one request, any number of progress notes, one answer. */
import type { Grid } from '../core/grid';
import type { Settings, WritePlan } from '../core/types';
import type { ErrorShape } from '../taskpane/errors';
import type { CheckResult } from '../taskpane/model';
import type { PreviewData } from './preview-data';

export interface Calls {
  open: { args: { bytes: Uint8Array }; result: { sheets: number } };
  check: { args: { settings: Settings }; result: CheckResult };
  write: { args: { plans: WritePlan[] }; result: Uint8Array };
  preview: { args: { sheet: string; a1: string }; result: PreviewData | null };
  grids: { args: Record<string, never>; result: Grid[] };
}

export type CallName = keyof Calls;

export interface Request<K extends CallName = CallName> {
  id: number;
  call: K;
  args: Calls[K]['args'];
}

export type Response =
  | { id: number; kind: 'progress'; fraction: number }
  | { id: number; kind: 'done'; result: unknown }
  | { id: number; kind: 'error'; error: ErrorShape };
