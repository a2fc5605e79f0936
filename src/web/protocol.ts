/** Messages between the web page and its worker: one request, any number of progress notes, one answer. */
import type { Grid } from '../core/grid';
import type { InputCheck } from '../core/input-rules';
import type { Lang, Settings, WritePlan } from '../core/types';
import type { InputRule } from '../core/template';
import type { IndicatorScope, WhatifReport } from '../core/whatif/index';
import type { ErrorShape } from '../taskpane/errors';
import type { CheckResult } from '../taskpane/model';
import type { IndicatorValues, WhatifRequest } from '../taskpane/whatif/whatif-model';
import type { Written } from './plan-part';
import type { PreviewData } from './preview-data';

export interface Calls {
  open: { args: { bytes: Uint8Array; fileName?: string }; result: { sheets: number } };
  /** Earlier periods' workbooks (上期台账); an empty list drops them. */
  earlier: { args: { files: { name: string; bytes: Uint8Array }[] }; result: { files: number } };
  /** The check, its plans without their cells (plan-part.ts's `withoutCells`): the worker keeps them whole. */
  check: { args: { settings: Settings }; result: CheckResult };
  /** The copy from these plans, or from the last check's whole plans, the parts `lastCheck` names. */
  write: { args: { plans: WritePlan[] } | { lastCheck: Written; inputRules: Record<string, InputRule[]> }; result: Uint8Array };
  preview: { args: { sheet: string; a1: string }; result: PreviewData | null };
  grids: { args: Record<string, never>; result: Grid[] };
  whatif: { args: { request: WhatifRequest; file: string }; result: WhatifReport };
  scopes: { args: Record<string, never>; result: IndicatorScope[] };
  indicatorPlans: { args: { indicators: IndicatorValues; lang: Lang }; result: WritePlan[] };
  /** 添加输入检查 of the last check. */
  inputChecks: { args: { lang: Lang }; result: InputCheck[] };
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
