/**
 * The task pane: checks the workbook through a LedgerHost and shows the summary,
 * the issues and the lagging projects, corrects the column mapping, keeps the
 * settings, and writes the plan back. The same pane runs in Excel and on the web
 * page; only the host (and, on the web, the engine) differ.
 * Over 300 lines because it is the one controller the views report to; the views (views/),
 * strings (strings/) and the what-if part (whatif/) are already out of it.
 */
import { localDate, settingsFor } from '../commands/commands';
import type { Field, Lang, WritePlan } from '../core/types';
import { messages } from '../i18n/index';
import { el, replace } from './dom';
import { GridEngine, type PaneEngine } from './engine';
import { describeError } from './errors';
import type { LedgerHost, SavedSettings } from './host';
import { addInputIssues, markCount, withOverride, type CheckResult } from './model';
import { createPeriods } from './periods';
import { columnsNotice, type PaneNotice } from './no-room';
import { noticeBox } from './notice';
import { paneStrings, type PaneStrings } from './strings';
import { renderActions, renderHeader, renderTabs } from './views/chrome';
import { renderColumns } from './views/columns';
import type { IssueFilter, PaneActions, PaneState, PaneTab, ViewContext } from './views/context';
import { ISSUE_PAGE, renderIssues } from './views/issues';
import { LAGGING_PAGE, renderLagging } from './views/lagging';
import { renderPeriods, type PeriodsView } from './views/periods';
import { renderSettings } from './views/settings';
import { renderSummary } from './views/summary';
import { renderWhatif } from './views/whatif';
import type { WhatifView } from './views/whatif-context';
import { createWhatif } from './whatif/whatif-controller';

export interface PaneOptions {
  /** Default: read the grids through the host and check them here. */
  engine?: PaneEngine;
  /** The host's local date (YYYY-MM-DD); default: today on this machine. */
  today?: string;
  /** Check as soon as the pane is shown (the web page, once a file is chosen). */
  autoCheck?: boolean;
  onChecked?: (result: CheckResult) => void;
  onLang?: (lang: Lang) => void;
}

export interface Pane {
  check(): Promise<void>;
  lang(): Lang;
  result(): CheckResult | null;
}

type Step = 'reading' | 'checking' | 'writing' | 'marking' | 'removing' | 'validating';

/** Drops keys set to undefined, so the saved settings stay minimal. */
function tidy(s: SavedSettings): SavedSettings {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (v !== undefined) out[k] = v;
  return out as SavedSettings;
}

export async function mountPane(root: HTMLElement, host: LedgerHost, options: PaneOptions = {}): Promise<Pane> {
  const today = options.today ?? localDate(new Date());
  const engine = options.engine ?? new GridEngine(host);
  let saved: SavedSettings = {};
  let loadError: unknown = null;
  try {
    saved = (await host.loadSettings()) ?? {};
  } catch (e) {
    loadError = e;
  }
  const state: PaneState = {
    saved,
    settings: settingsFor(saved, host.displayLanguage(), today),
    result: null,
    sheetIndex: 0,
    filter: 'all',
    shown: ISSUE_PAGE,
    laggingShown: LAGGING_PAGE,
    busy: false,
    tab: 'check',
  };
  let recheckWanted = false;

  const t = (): PaneStrings => paneStrings(state.settings.lang);

  // Parts that live across renders: the progress bar and the notice are updated in place.
  const bar = el('div', { class: 'lc-progress-bar' });
  const stepText = el('span', { class: 'lc-progress-label', id: 'lc-progress-label', role: 'status', 'aria-live': 'polite' });
  const track = el('div', {
    class: 'lc-progress-track', role: 'progressbar', 'aria-labelledby': 'lc-progress-label', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0,
  }, bar);
  const progress = el('div', { class: 'lc-progress', 'data-testid': 'progress', hidden: true }, stepText, track);
  const noticeLine = noticeBox();
  const notice = noticeLine.element;
  const header = el('div');
  const body = el('div', { class: 'lc-body', id: 'lc-tabpanel', role: 'tabpanel' });
  const pane = el('div', { class: 'lc-pane', 'data-host': host.kind }, header, progress, notice, body);
  replace(root, pane);

  const showNotice = noticeLine.show;
  const clearNotice = noticeLine.clear;

  function setProgress(step: Step | null, fraction = 0): void {
    if (step === null) {
      progress.hidden = true;
      return;
    }
    const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    progress.hidden = false;
    if (stepText.textContent !== t()[step]) stepText.textContent = t()[step];
    bar.style.width = `${pct}%`;
    track.setAttribute('aria-valuenow', String(pct));
    track.setAttribute('aria-valuetext', `${t()[step]} ${pct}%`);
  }

  let drawing = false;
  let drawAgain = false;

  /**
   * Redraws the pane. Removing a focused input can fire its change event, whose
   * handler asks for a redraw in the middle of this one: that one runs after.
   */
  function render(): void {
    if (drawing) {
      drawAgain = true;
      return;
    }
    drawing = true;
    try {
      for (let i = 0; i < 3; i++) {
        drawAgain = false;
        draw();
        if (!drawAgain) break;
      }
    } finally {
      drawing = false;
    }
  }

  function draw(): void {
    const lang = state.settings.lang;
    const active = document.activeElement && root.contains(document.activeElement) ? document.activeElement : null;
    const focused = active ? active.id : '';
    // A redraw while typing (the what-if's inputs) keeps the caret where it was.
    const caret = active instanceof HTMLInputElement && active.type === 'text' ? [active.selectionStart, active.selectionEnd] : null;
    const open = new Set(Array.from(body.querySelectorAll('details[open]')).map((d) => d.id));
    const ctx: ViewContext = { lang, t: t(), m: messages(lang), state, act: actions };
    pane.setAttribute('lang', lang);
    pane.setAttribute('aria-busy', state.busy ? 'true' : 'false');
    replace(header, renderHeader(ctx), renderTabs(ctx));
    body.setAttribute('aria-labelledby', `lc-tab-${state.tab}`);
    body.setAttribute('data-tab', state.tab);
    const result = state.result;
    const sheet = result ? result.sheets[state.sheetIndex] : null;
    if (state.tab === 'whatif') {
      replace(body, ...renderWhatif(ctx, whatifView));
    } else {
      replace(body,
        result && sheet ? renderSummary(ctx, result, sheet) : el('p', { class: 'lc-intro' }, ctx.t.intro),
        renderActions(ctx),
        periodsView ? renderPeriods(ctx, periodsView) : null,
        sheet ? renderIssues(ctx, sheet) : null,
        sheet ? renderLagging(ctx, sheet) : null,
        result ? renderColumns(ctx, result.headers[state.sheetIndex]) : null,
        renderSettings(ctx));
    }
    for (const id of open) body.querySelector<HTMLDetailsElement>(`details#${id}`)?.setAttribute('open', '');
    const again = focused ? document.getElementById(focused) : null;
    again?.focus();
    if (caret && again instanceof HTMLInputElement) again.setSelectionRange(caret[0], caret[1]);
  }

  /** Runs one operation with the pane busy; errors become a sentence in the notice. */
  async function busy(op: () => Promise<string | PaneNotice | null>): Promise<void> {
    if (state.busy) return;
    state.busy = true;
    clearNotice();
    render();
    try {
      const done = await op();
      if (done) noticeLine.showOutcome(done);
    } catch (e) {
      showNotice('error', describeError(e, state.settings.lang));
    } finally {
      state.busy = false;
      setProgress(null);
      render();
    }
    if (recheckWanted && state.result) {
      recheckWanted = false;
      await runCheck(false);
    }
  }

  async function checkNow(reread: boolean): Promise<CheckResult> {
    setProgress('reading', 0);
    const result = await engine.check(state.settings, (f) => setProgress(f < 0.7 ? 'reading' : 'checking', f), reread);
    state.result = result;
    if (state.sheetIndex >= result.sheets.length) state.sheetIndex = 0;
    whatif.checked();
    options.onChecked?.(result);
    return result;
  }

  function runCheck(reread: boolean): Promise<void> {
    return busy(async () => {
      const result = await checkNow(reread);
      // A sheet with no room for the computed columns is told now, before 填写计算列.
      return columnsNotice(t().checkDone(result.sheets.reduce((n, s) => n + s.issues.length, 0)), result.sheets, state.settings.lang);
    });
  }

  /** The plans of the current check, checking first when there is none yet; with the indicator columns once written. */
  async function plans(): Promise<WritePlan[]> {
    const r = state.result ?? (await checkNow(true));
    return whatif.planOverride() ?? r.plans;
  }

  async function saveSettings(patch: Partial<SavedSettings>): Promise<void> {
    state.saved = tidy({ ...state.saved, ...patch });
    state.settings = settingsFor(state.saved, host.displayLanguage(), today);
    try {
      await host.saveSettings(state.saved);
      showNotice('info', host.kind === 'web' ? t().settingsSavedWeb : t().settingsSaved);
    } catch (e) {
      showNotice('error', describeError(e, state.settings.lang));
    }
    if (!state.result) render();
    else if (state.busy) recheckWanted = true;
    else await runCheck(false);
  }

  const whatif = createWhatif({
    engine,
    // WPS keeps its settings in the workbook, as Excel does.
    hostKind: host.kind === 'web' ? 'web' : 'excel',
    lang: () => state.settings.lang,
    result: () => state.result,
    saved: () => state.saved,
    saveIndicators: async (list) => {
      state.saved = tidy({ ...state.saved, indicators: list.length ? list : undefined });
      try {
        await host.saveSettings(state.saved);
      } catch (e) {
        showNotice('error', describeError(e, state.settings.lang));
      }
    },
    write: (make, done) => void busy(async () => {
      setProgress('writing', 0);
      const p = await make();
      await host.writeColumns(p, (f) => setProgress('writing', f));
      return done();
    }),
    notify: (n) => noticeLine.showOutcome(n),
    render: () => render(),
  });
  const whatifView: WhatifView = { state: whatif.state, act: whatif.act, web: host.kind === 'web' };
  // 上期台账 and 下载通报 in the pane where the engine takes earlier periods (the web page has its own, around the pane).
  const periodsView: PeriodsView | null = engine.setEarlier && host.kind !== 'web' ? createPeriods({
    engine,
    lang: () => state.settings.lang,
    result: () => state.result,
    fileName: () => host.fileName?.() ?? null,
    busy,
    recheck: () => runCheck(false),
  }) : null;

  const actions: PaneActions = {
    check: () => void runCheck(true),
    selectCell: (sheet, a1) => {
      host.selectCell(sheet, a1).catch((e: unknown) => showNotice('error', describeError(e, state.settings.lang)));
    },
    setFilter: (filter: IssueFilter) => {
      state.filter = filter;
      state.shown = ISSUE_PAGE;
      render();
    },
    showMore: () => {
      state.shown += ISSUE_PAGE;
      render();
    },
    showMoreLagging: () => {
      state.laggingShown += LAGGING_PAGE;
      render();
    },
    setSheet: (index) => {
      state.sheetIndex = index;
      state.shown = ISSUE_PAGE;
      state.laggingShown = LAGGING_PAGE;
      render();
    },
    setColumn: (field: Field, c) => void saveSettings({ columnOverrides: withOverride(state.saved.columnOverrides, field, c) }),
    resetColumns: () => void saveSettings({ columnOverrides: undefined }),
    saveSettings: (patch) => void saveSettings(patch),
    setLang: (lang) => {
      options.onLang?.(lang);
      void saveSettings({ lang });
    },
    fill: () => void busy(async () => {
      const p = await plans();
      setProgress('writing', 0);
      await host.writeColumns(p, (f) => setProgress('writing', f));
      return columnsNotice(t().fillDone(p.length), state.result?.sheets ?? [], state.settings.lang);
    }),
    mark: () => void busy(async () => {
      const p = await plans();
      setProgress('marking', 0);
      await host.writeMarks(p, (f) => setProgress('marking', f));
      return t().markDone(markCount(p));
    }),
    remove: () => void busy(async () => {
      const p = await plans();
      setProgress('removing', 0);
      await host.removeAll(p, (f) => setProgress('removing', f));
      whatif.forgetWritten();
      return t().removeDone;
    }),
    inputRules: () => void busy(async () => {
      if (!host.addInputRules) return { kind: 'warning', lines: [t().inputRulesUnavailable] };
      const p = await plans();
      setProgress('validating', 0);
      const checks = await engine.inputChecks(state.settings.lang);
      if (checks.every((c) => c.rules.length === 0)) return { kind: 'warning', lines: [t().inputRulesNone] };
      const outcome = await host.addInputRules(checks, p, (f) => setProgress('validating', f));
      if (outcome.kind === 'unsupported') return { kind: 'warning', lines: [host.kind === 'wps' ? t().inputRulesUnsupportedWps : t().inputRulesUnsupported] };
      const broken = addInputIssues(state.result, checks, state.settings.lang);
      return t().inputRulesDone(outcome.ranges, outcome.kept, broken);
    }),
    setTab: (tab: PaneTab) => {
      state.tab = tab;
      if (tab === 'whatif') whatif.show();
      render();
    },
    invalid: (text) => showNotice('error', text),
  };

  render();
  options.onLang?.(state.settings.lang);
  if (loadError) showNotice('error', describeError(loadError, state.settings.lang));
  if (options.autoCheck) await runCheck(true);

  return {
    check: () => runCheck(true),
    lang: () => state.settings.lang,
    result: () => state.result,
  };
}
