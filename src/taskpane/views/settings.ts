/** As-of date and thresholds, kept with the workbook (or the browser) through the host. */
import type { Field, RankMethod, SheetReport, TimeBasis } from '../../core/types';
import { el, select } from '../dom';
import type { SavedSettings } from '../host';
import type { ViewContext } from './context';

function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return el('div', { class: 'lc-field' },
    el('label', { for: id }, label),
    control,
    hint ? el('p', { id: hintId, class: 'lc-muted lc-small' }, hint) : null);
}

/** A threshold in points: a number from 0 to 100, else null. */
export function parsePoints(text: string): number | null {
  const v = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(v) && v >= 0 && v <= 100 ? v : null;
}

/** Columns that can group projects, offered in the 分组 picker when the sheet has them. */
const GROUPING_FIELDS: readonly Field[] = ['group', 'responsibleUnit', 'nature', 'scope'];
/** Labels a row level shows in the picker. */
const LEVEL_LABELS_SHOWN = 3;

/**
 * The 分组 picker's choices for a sheet: automatic (saying what it gives), each column that
 * can group, each level of the row tree; values `''`, `field:<name>`, `level:<n>`.
 */
export function groupingOptions(ctx: ViewContext, sheet: SheetReport | undefined): { value: string; label: string }[] {
  const { t, m } = ctx;
  const levelText = (labels: string[], more: number) =>
    labels.slice(0, LEVEL_LABELS_SHOWN).join('、') + (labels.length + more > LEVEL_LABELS_SHOWN ? '…' : '');
  let now = t.groupNone;
  if (sheet?.groupSource === 'heading') {
    const used = sheet.rowLevels?.find((l) => l.use === 'group');
    if (used) now = t.groupByLevel(used.level, levelText(used.labels, used.moreLabels ?? 0), used.places);
  } else if (sheet?.groupSource && sheet.groupSource !== 'none') {
    now = t.groupByColumn(m.fields[sheet.groupSource], sheet.columns[sheet.groupSource] ?? '');
  }
  const out = [{ value: '', label: t.groupAuto(now) }];
  for (const f of GROUPING_FIELDS) {
    const letter = sheet?.columns[f];
    if (letter) out.push({ value: `field:${f}`, label: t.groupByColumn(m.fields[f], letter) });
  }
  for (const l of sheet?.rowLevels ?? []) {
    out.push({ value: `level:${l.level}`, label: t.groupByLevel(l.level, levelText(l.labels, l.moreLabels ?? 0), l.places) });
  }
  return out;
}

export function renderSettings(ctx: ViewContext): HTMLElement {
  const { t, state } = ctx;
  const s = state.settings;
  const save = (patch: Partial<SavedSettings>) => ctx.act.saveSettings(patch);

  const asOf = el('input', { id: 'lc-asof', type: 'date', value: state.saved.asOf ?? '' });
  asOf.addEventListener('change', () => save({ asOf: asOf.value || undefined }));
  const resolved = state.result?.asOf ?? '—';

  const basis = select({ id: 'lc-basis' }, [
    { value: 'month', label: t.timeBasisMonth },
    { value: 'day', label: t.timeBasisDay },
  ], s.timeBasis);
  basis.addEventListener('change', () => save({ timeBasis: basis.value as TimeBasis }));

  const threshold = (id: string, value: number, other: () => number, key: 'lagWarn' | 'lagAlert') => {
    const input = el('input', { id, type: 'number', min: 0, max: 100, step: 0.1, inputmode: 'decimal', value: String(value) });
    input.addEventListener('change', () => {
      const v = parsePoints(input.value);
      const bad = v === null ? t.badNumber : (key === 'lagWarn' ? v > other() : v < other()) ? t.alertBelowWarn : null;
      input.setAttribute('aria-invalid', bad ? 'true' : 'false');
      if (bad || v === null) ctx.act.invalid(bad ?? t.badNumber);
      else save({ [key]: v });
    });
    return input;
  };
  const warn = threshold('lc-lagwarn', s.lagWarn, () => state.settings.lagAlert, 'lagWarn');
  const alert = threshold('lc-lagalert', s.lagAlert, () => state.settings.lagWarn, 'lagAlert');

  const rank = select({ id: 'lc-rank' }, [
    { value: 'competition', label: t.rankCompetition },
    { value: 'dense', label: t.rankDense },
  ], s.rankMethod);
  rank.addEventListener('change', () => save({ rankMethod: rank.value as RankMethod }));

  const base = select({ id: 'lc-base' }, [
    { value: 'all', label: t.baseAll },
    { value: 'planned', label: t.basePlanned },
  ], s.startRateBase);
  base.addEventListener('change', () => save({ startRateBase: base.value as 'all' | 'planned' }));

  const sheet = state.result?.sheets[state.sheetIndex];
  const options = groupingOptions(ctx, sheet);
  const current = state.saved.groupLevel !== undefined ? `level:${state.saved.groupLevel}` : state.saved.groupBy ? `field:${state.saved.groupBy}` : '';
  // A saved choice this sheet cannot give stays listed, so the picker shows what is saved.
  if (!options.some((o) => o.value === current)) {
    options.push({ value: current, label: current.startsWith('level:') ? t.groupByLevel(Number(current.slice(6)), '—', false) : t.groupByColumn(ctx.m.fields[current.slice(6) as Field], '—') });
  }
  const grouping = select({ id: 'lc-groupby' }, options, current);
  grouping.addEventListener('change', () => {
    const v = grouping.value;
    save({
      groupBy: v.startsWith('field:') ? (v.slice(6) as Field) : undefined,
      groupLevel: v.startsWith('level:') ? Number(v.slice(6)) : undefined,
    });
  });

  return el('details', { class: 'lc-card lc-details', id: 'lc-settings-panel' },
    el('summary', {}, el('h2', {}, t.settingsTitle)),
    el('div', { class: 'lc-form' },
      field('lc-asof', t.asOf, asOf, t.asOfHint(resolved)),
      field('lc-basis', t.timeBasis, basis),
      el('div', { class: 'lc-pair' },
        field('lc-lagwarn', t.lagWarn, warn),
        field('lc-lagalert', t.lagAlert, alert)),
      field('lc-rank', t.rankMethod, rank),
      field('lc-base', t.startRateBase, base),
      field('lc-groupby', t.groupBy, grouping, t.groupHint)));
}
