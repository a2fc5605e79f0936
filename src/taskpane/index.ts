/// <reference types="office-js" />
/**
 * The task pane's entry inside Excel: once Office is ready, the pane is mounted
 * over the Excel adapter. Opened outside Excel, the page says so plainly and
 * points to the web page, which checks a file without Excel.
 */
import { ExcelHost } from '../excel/excel-host';
import { detectLang } from '../i18n/index';
import { el, replace } from './dom';
import { mountPane } from './pane';
import { paneStrings } from './strings';

function appRoot(): HTMLElement {
  return document.getElementById('app') ?? document.body.appendChild(el('main', { id: 'app' }));
}

function notInExcel(root: HTMLElement): void {
  const t = paneStrings(detectLang(navigator.language || 'zh-CN'));
  replace(root, el('div', { class: 'lc-pane' },
    el('h1', { class: 'lc-title' }, t.appTitle),
    el('p', { class: 'lc-notice lc-notice-info', 'data-testid': 'no-office' }, t.noOffice, ' ',
      el('a', { href: 'web/index.html' }, t.noOfficeLink))));
}

async function start(): Promise<void> {
  const root = appRoot();
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    notInExcel(root);
    return;
  }
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel || typeof Excel === 'undefined') {
    notInExcel(root);
    return;
  }
  await mountPane(root, new ExcelHost());
}

void start();
