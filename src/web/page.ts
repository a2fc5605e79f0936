/**
 * The web page around the pane: a drop zone and file picker, the downloads and
 * the row preview. Built with textContent only, like the pane.
 */
import type { Lang } from '../core/types';
import { el, replace } from '../taskpane/dom';
import { paneStrings, type PaneStrings } from '../taskpane/strings';
import type { PreviewData } from './preview-data';

export interface PageParts {
  root: HTMLElement;
  fileInput: HTMLInputElement;
  /** Earlier periods' workbooks (上期台账, several at once). */
  earlierInput: HTMLInputElement;
  dropZone: HTMLElement;
  fileStatus: HTMLElement;
  paneRoot: HTMLElement;
  downloadWorkbook: HTMLAnchorElement;
  downloadReport: HTMLAnchorElement;
  downloadBulletin: HTMLAnchorElement;
  downloadHint: HTMLElement;
  preview: HTMLElement;
  /** Re-labels the page's own words in another language. */
  relabel(lang: Lang): void;
}

export function buildPage(lang: Lang): PageParts {
  const labels: { node: HTMLElement; text: (t: PaneStrings) => string }[] = [];
  const label = <T extends HTMLElement>(node: T, text: (t: PaneStrings) => string): T => {
    labels.push({ node, text });
    node.textContent = text(paneStrings(lang));
    return node;
  };

  const fileInput = el('input', {
    type: 'file',
    id: 'lc-file',
    class: 'lc-file-input',
    accept: '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'data-testid': 'file-input',
  });
  const earlierInput = el('input', {
    type: 'file',
    id: 'lc-earlier',
    class: 'lc-file-input',
    multiple: true,
    accept: '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'data-testid': 'earlier-input',
  });
  const fileStatus = el('p', { class: 'lc-file-status', 'data-testid': 'file-status', role: 'status', 'aria-live': 'polite' });
  const dropZone = el('section', { class: 'lc-drop', 'data-testid': 'drop-zone', 'aria-labelledby': 'lc-drop-title' },
    label(el('p', { class: 'lc-drop-title', id: 'lc-drop-title' }), (t) => t.dropTitle),
    label(el('label', { for: 'lc-file', class: 'lc-button lc-accent lc-file-button' }), (t) => t.chooseFile),
    fileInput,
    label(el('label', { for: 'lc-earlier', class: 'lc-button lc-file-button' }), (t) => t.chooseEarlier),
    earlierInput,
    label(el('p', { class: 'lc-muted lc-small' }), (t) => t.dropHint),
    fileStatus);

  const link = (testid: string, text: (t: PaneStrings) => string) =>
    label(el('a', { class: 'lc-button lc-download', 'data-testid': testid, 'aria-disabled': 'true', role: 'link' }), text);
  const downloadWorkbook = link('download-workbook', (t) => t.downloadWorkbook);
  const downloadReport = link('download-report', (t) => t.downloadReport);
  const downloadBulletin = link('download-bulletin', (t) => t.downloadBulletin);
  const downloadHint = label(el('p', { class: 'lc-muted lc-small' }), (t) => t.downloadWorkbookHint);
  const downloads = el('section', { class: 'lc-card lc-downloads', 'aria-labelledby': 'lc-downloads-title' },
    label(el('h2', { id: 'lc-downloads-title' }), (t) => t.downloadsTitle),
    el('div', { class: 'lc-button-row' }, downloadWorkbook, downloadReport, downloadBulletin),
    downloadHint);

  const preview = el('div', { class: 'lc-preview-body' }, label(el('p', { class: 'lc-muted lc-small' }), (t) => t.previewHint));
  const previewCard = el('section', { class: 'lc-card lc-preview', 'data-testid': 'preview', 'aria-labelledby': 'lc-preview-title' },
    label(el('h2', { id: 'lc-preview-title' }), (t) => t.previewTitle),
    preview);

  const paneRoot = el('div', { class: 'lc-web-pane', id: 'lc-pane-root' });
  const title = label(el('h1', { class: 'lc-web-title' }), (t) => t.webTitle);
  const intro = label(el('p', { class: 'lc-muted' }), (t) => t.webIntro);
  const root = el('div', { class: 'lc-web', lang },
    el('header', { class: 'lc-web-header' }, title, intro),
    dropZone,
    el('div', { class: 'lc-web-main' },
      paneRoot,
      el('aside', { class: 'lc-web-side' }, downloads, previewCard)));

  return {
    root, fileInput, earlierInput, dropZone, fileStatus, paneRoot, downloadWorkbook, downloadReport, downloadBulletin, downloadHint, preview,
    relabel(next: Lang) {
      root.setAttribute('lang', next);
      document.documentElement.setAttribute('lang', next);
      document.title = paneStrings(next).webTitle;
      for (const l of labels) l.node.textContent = l.text(paneStrings(next));
    },
  };
}

/** The rows around a cell, the cell highlighted; empty data puts the hint back. */
export function showPreview(target: HTMLElement, data: PreviewData | null, lang: Lang): void {
  const t = paneStrings(lang);
  if (!data) {
    replace(target, el('p', { class: 'lc-muted lc-small' }, t.previewHint));
    return;
  }
  const head = el('tr', {}, el('th', { scope: 'col', class: 'lc-rownum' }), ...data.letters.map((l, i) =>
    el('th', { scope: 'col', class: data.columns[i] === data.c ? 'lc-hit-col' : '' }, l)));
  const body = el('tbody');
  for (const row of data.rows) {
    const tr = el('tr', { class: `${row.header ? 'lc-preview-header' : ''}${row.r === data.r ? ' lc-hit-row' : ''}` },
      el('th', { scope: 'row', class: 'lc-rownum' }, row.r + 1));
    row.cells.forEach((text, i) => {
      const hit = row.r === data.r && data.columns[i] === data.c;
      tr.appendChild(el('td', {
        class: hit ? 'lc-hit' : '',
        'data-cell': `${data.letters[i]}${row.r + 1}`,
        'aria-current': hit ? 'true' : false,
        title: text.length > 12 ? text : false,
      }, text));
    });
    body.appendChild(tr);
  }
  const hitRow = data.rows.find((row) => row.r === data.r);
  const hitText = hitRow ? hitRow.cells[data.columns.indexOf(data.c)] ?? '' : '';
  replace(target,
    // The cell's whole text: the table cuts long cells short.
    el('p', { class: 'lc-preview-value', 'data-testid': 'preview-value' }, el('span', { class: 'lc-cell' }, data.cell), ' ', hitText),
    el('div', { class: 'lc-table-wrap' },
      el('table', { class: 'lc-table lc-sheet', 'data-sheet': data.sheet, 'data-cell': data.cell },
        el('caption', {}, t.previewCaption(data.sheet, data.cell)),
        el('thead', {}, head),
        body)));
  target.querySelector('.lc-hit')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
