/**
 * The what-if tab's state and actions: asks the engine for the report of the
 * last check (target, deadline, adjustments), evaluates the saved indicators
 * through the indicator runner once the user has opened them, and hands the
 * plans with indicator columns to the host. Later answers win over none: a
 * computation overtaken by a newer one is dropped.
 */
import type { Lang, WritePlan } from '../../core/types';
import { ADJUST_FIELDS, whatifErrorMessage, type IndicatorDef, type IndicatorScope } from '../../core/whatif/index';
import type { PaneEngine } from '../engine';
import { describeError } from '../errors';
import type { SavedSettings } from '../host';
import type { CheckResult } from '../model';
import { indicatorsNotice, type PaneNotice } from '../no-room';
import { whatifStrings } from '../strings/whatif';
import type { WhatifActions, WhatifState } from '../views/whatif-context';
import { adjustmentProblem, adjustmentSpec, parseByMonth, parseTargetPercent } from '../views/whatif-rows';
import {
  IndicatorEngineFailed, IndicatorRunner, IndicatorTimeout, precheckIndicator, TIME_LIMIT_MS, type IndicatorProblem,
} from './whatif-indicators';
import type { IndicatorValues } from './whatif-model';
import { startIndicatorWorker } from './whatif-start-worker';

export interface WhatifDeps {
  engine: PaneEngine;
  hostKind: 'excel' | 'web';
  lang(): Lang;
  result(): CheckResult | null;
  saved(): SavedSettings;
  /** Keeps the indicators with the pane's settings (no new check: they change no figure of it). */
  saveIndicators(list: IndicatorDef[]): Promise<void>;
  /** Writes plans through the host with the pane's progress; `done` gives the notice after. */
  write(plans: () => Promise<WritePlan[]>, done: () => PaneNotice): void;
  /** Shows a notice in the pane's notice line (a sheet with no room for the indicators). */
  notify?(notice: PaneNotice): void;
  render(): void;
  /** Default: the indicator worker, or mathjs on this thread where none can run. */
  runner?: IndicatorRunner;
}

export interface WhatifController {
  state: WhatifState;
  act: WhatifActions;
  /** The tab was opened. */
  show(): void;
  /** A check finished: what was computed belongs to the last one. */
  checked(): void;
  /** Plans to write instead of the check's, once indicator columns were written. */
  planOverride(): WritePlan[] | null;
  /** Everything the tool wrote was removed: later writes are the check's own again. */
  forgetWritten(): void;
}

function defaultRunner(onInPane: () => void): IndicatorRunner {
  return new IndicatorRunner({
    start: () => (typeof Worker === 'undefined' ? null : startIndicatorWorker()),
    load: () => import('../../core/whatif/indicators'),
    onInPane,
  });
}

export function createWhatif(deps: WhatifDeps): WhatifController {
  const t = () => whatifStrings(deps.lang());
  const state: WhatifState = {
    visited: false,
    target: 1,
    by: undefined,
    adjustments: [],
    report: null,
    indicatorValues: null,
    computing: false,
    error: null,
    showAllProjects: false,
    indicatorsEnabled: false,
    engine: null,
    indicatorErrors: {},
    drafts: {
      targetText: '100', byText: '', targetError: null, byError: null,
      adjustKey: '', adjustField: ADJUST_FIELDS[0], adjustValue: '', adjustError: null,
      indicatorName: '', indicatorExpression: '', indicatorProblem: null, indicatorOk: false,
    },
  };
  let runner: IndicatorRunner | null = deps.runner ?? null;
  let scopes: Promise<IndicatorScope[]> | null = null;
  let written: WritePlan[] | null = null;
  let generation = 0;
  let draftGeneration = 0;

  const getRunner = (): IndicatorRunner => {
    runner ??= defaultRunner(() => {
      state.engine = 'pane';
      deps.render();
    });
    return runner;
  };
  const indicators = (): IndicatorDef[] => deps.saved().indicators ?? [];
  const message = (p: IndicatorProblem): string => whatifErrorMessage(p, deps.lang());
  const failure = (e: unknown): string => {
    if (e instanceof IndicatorTimeout) return t().timeout(e.seconds);
    if (e instanceof IndicatorEngineFailed) {
      state.engine = 'failed';
      return t().engineFailed;
    }
    return describeError(e, deps.lang());
  };

  /** The saved indicators evaluated on the last check; their failures noted, never thrown. */
  async function evaluate(): Promise<IndicatorValues | null> {
    const defs = indicators();
    state.indicatorErrors = {};
    if (!state.indicatorsEnabled || defs.length === 0) return null;
    scopes ??= deps.engine.indicatorScopes();
    const batch = await getRunner().run(defs, await scopes);
    for (const e of batch.errors) state.indicatorErrors[e.name] = message({ code: e.code as IndicatorProblem['code'], params: e.params, position: e.position });
    const metas: IndicatorValues['metas'] = [];
    const values: IndicatorValues['values'] = [];
    batch.compiled.forEach((m, i) => {
      if (!m) return;
      metas.push(m);
      values.push(batch.values[i]);
    });
    return metas.length ? { metas, values, source: deps.hostKind === 'excel' ? 'workbook' : 'option' } : null;
  }

  async function refresh(): Promise<void> {
    if (!state.visited || !deps.result()) return;
    const mine = ++generation;
    state.computing = true;
    deps.render();
    let error: string | null = null;
    try {
      let values: IndicatorValues | null = null;
      try {
        values = await evaluate();
      } catch (e) {
        // The figures still come: only the indicators are missing.
        error = failure(e);
      }
      const report = await deps.engine.whatif({ target: state.target, by: state.by, adjustments: state.adjustments, indicators: values ?? undefined });
      if (mine !== generation) return;
      state.report = report;
      state.indicatorValues = values;
      if (state.engine === 'loading' && runner) state.engine = runner.mode;
    } catch (e) {
      if (mine !== generation) return;
      error = failure(e);
    }
    state.error = error;
    state.computing = false;
    deps.render();
  }

  const act: WhatifActions = {
    applyTiming() {
      const d = state.drafts;
      const target = parseTargetPercent(d.targetText);
      const by = parseByMonth(d.byText);
      d.targetError = target === null ? t().badTarget : null;
      d.byError = by === null ? t().badBy : null;
      if (target === null || by === null || (target === state.target && by === state.by)) {
        deps.render();
        return;
      }
      state.target = target;
      state.by = by;
      void refresh();
    },
    addAdjustment() {
      const d = state.drafts;
      const spec = adjustmentSpec(d.adjustKey, d.adjustField, d.adjustValue);
      const problem = adjustmentProblem(spec, deps.result()?.sheets ?? []);
      d.adjustError = problem && message(problem);
      if (problem) {
        deps.render();
        return;
      }
      state.adjustments = [...state.adjustments, spec];
      d.adjustKey = '';
      d.adjustValue = '';
      void refresh();
    },
    removeAdjustment(index) {
      state.adjustments = state.adjustments.filter((_, i) => i !== index);
      void refresh();
    },
    toggleAllProjects() {
      state.showAllProjects = !state.showAllProjects;
      deps.render();
    },
    enableIndicators() {
      if (state.indicatorsEnabled) return;
      state.indicatorsEnabled = true;
      state.engine = 'loading';
      deps.render();
      getRunner().warm().then(
        () => {
          state.engine = getRunner().mode;
          void refresh();
        },
        (e: unknown) => {
          state.error = failure(e);
          deps.render();
        },
      );
    },
    async checkIndicatorDraft() {
      const d = state.drafts;
      const mine = ++draftGeneration;
      d.indicatorOk = false;
      d.indicatorProblem = null;
      const name = d.indicatorName;
      const expression = d.indicatorExpression;
      if (name.trim() === '' && expression.trim() === '') return;
      const quick = precheckIndicator(name.trim() === '' ? '?' : name, expression.trim() === '' ? '0' : expression, indicators().map((x) => x.name));
      if (quick) {
        d.indicatorProblem = { message: message(quick), position: quick.position };
        return;
      }
      if (expression.trim() === '' || state.engine === 'failed') return;
      let problem: IndicatorProblem | null;
      try {
        problem = await getRunner().validate({ name: name.trim(), expression: expression.trim() });
      } catch (e) {
        if (mine === draftGeneration) d.indicatorProblem = { message: failure(e), position: null };
        return;
      }
      // Typing went on meanwhile: this answer is for an older draft.
      if (mine !== draftGeneration) return;
      d.indicatorProblem = problem && { message: message(problem), position: problem.position };
      d.indicatorOk = problem === null && name.trim() !== '';
    },
    addIndicator() {
      const d = state.drafts;
      void (async () => {
        if (d.indicatorName.trim() === '' || d.indicatorExpression.trim() === '') {
          d.indicatorProblem = { message: t().indicatorMissing, position: null };
          deps.render();
          return;
        }
        await act.checkIndicatorDraft();
        if (!d.indicatorOk) {
          deps.render();
          return;
        }
        const list = [...indicators(), { name: d.indicatorName.trim(), expression: d.indicatorExpression.trim() }];
        d.indicatorName = '';
        d.indicatorExpression = '';
        d.indicatorOk = false;
        d.indicatorProblem = null;
        written = null;
        await deps.saveIndicators(list);
        await refresh();
        // Saved, but a sheet without room will get no column for it when written.
        const notice = indicatorsNotice(state.report, state.indicatorValues?.metas.length ?? 0, false, deps.lang());
        if (notice.lines.length) deps.notify?.(notice);
      })();
    },
    removeIndicator(name) {
      written = null;
      void deps.saveIndicators(indicators().filter((x) => x.name !== name)).then(refresh);
    },
    writeIndicators() {
      const values = state.indicatorValues;
      if (!values) return;
      const report = state.report;
      deps.write(async () => {
        written = await deps.engine.indicatorPlans(values, deps.lang());
        return written;
      }, () => indicatorsNotice(report, values.metas.length, true, deps.lang()));
    },
    indicators,
  };

  return {
    state,
    act,
    show() {
      state.visited = true;
      if (!state.report && !state.computing) void refresh();
    },
    checked() {
      scopes = null;
      written = null;
      state.report = null;
      state.indicatorValues = null;
      void refresh();
    },
    planOverride: () => written,
    forgetWritten: () => {
      written = null;
    },
  };
}

/** The time limit as the tab states it, in seconds. */
export const LIMIT_SECONDS = TIME_LIMIT_MS / 1000;
