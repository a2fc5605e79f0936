/** The columns the header finder understood, each correctable with a select (settings.columnOverrides). */
import { KEY_FIELDS } from '../../core/header/find-header';
import type { HeaderInfo } from '../../core/types';
import { el, select } from '../dom';
import { columnChoices, columnEvidenceNote, mappingFields } from '../model';
import type { ViewContext } from './context';

/** Option values: a column index, or -1 for "no column". */
const NONE = '-1';

export function renderColumns(ctx: ViewContext, header: HeaderInfo): HTMLElement {
  const { t, m, state } = ctx;
  const overrides = state.settings.columnOverrides ?? {};
  const choices = columnChoices(header);
  const options = [
    { value: NONE, label: t.noColumn },
    ...choices.map((c) => ({ value: String(c.c), label: c.label ? `${c.letter} · ${c.label}` : c.letter })),
  ];
  const rows = el('div', { class: 'lc-mapping', 'data-testid': 'columns' });
  let found = 0;
  for (const field of mappingFields(header)) {
    const c = header.columns[field];
    if (c !== undefined) found += 1;
    const id = `lc-col-${field}`;
    const s = select({ id, 'data-field': field }, options, c === undefined ? NONE : String(c));
    const missingKey = c === undefined && KEY_FIELDS.includes(field);
    if (missingKey) s.setAttribute('aria-invalid', 'true');
    s.addEventListener('change', () => ctx.act.setColumn(field, Number(s.value)));
    const label = c === undefined ? t.notFound(m.fields[field]) : m.fields[field];
    rows.appendChild(el('div', { class: `lc-map-row${field in overrides ? ' lc-overridden' : ''}${missingKey ? ' lc-missing' : ''}` },
      el('label', { for: id }, label),
      s));
    // Where the figures chose the column among several, say so under its row.
    const ev = field in overrides ? null : columnEvidenceNote(header, field);
    if (ev) {
      rows.appendChild(el('p', { class: `lc-small ${ev.close ? 'lc-evidence-close' : 'lc-muted'}`, 'data-testid': `evidence-${field}` },
        (field === 'name' ? t.nameEvidence : t.columnEvidence)(ev.chosen, ev.others.join('、'), ev.close)));
    }
  }
  let reset: HTMLElement | null = null;
  if (Object.keys(overrides).length > 0) {
    reset = el('button', { type: 'button', class: 'lc-button lc-subtle', id: 'lc-columns-reset' }, t.resetColumns);
    reset.addEventListener('click', () => ctx.act.resetColumns());
  }
  return el('details', { class: 'lc-card lc-details', id: 'lc-columns-panel' },
    el('summary', {}, el('h2', {}, t.columnsTitle, ' ', el('span', { class: 'lc-count' }, found))),
    el('p', { class: 'lc-muted lc-small' }, t.columnsHint),
    rows,
    reset);
}
