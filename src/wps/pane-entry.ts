/**
 * The task pane's entry inside WPS 表格: the host is picked at start-up by what the
 * page can see (WPS's ET application), and the same pane is mounted over it. Opened
 * anywhere else, the page says so and points to the web page.
 */
import { detectLang } from '../i18n/index';
import { el, replace } from '../taskpane/dom';
import { mountPane } from '../taskpane/pane';
import { paneStrings } from '../taskpane/strings';
import { wpsApplication } from './detect';
import { WpsHost } from './wps-host';

async function start(): Promise<void> {
  const root = document.getElementById('app') ?? document.body.appendChild(el('main', { id: 'app' }));
  const app = wpsApplication();
  if (!app) {
    const t = paneStrings(detectLang(navigator.language || 'zh-CN'));
    replace(root, el('div', { class: 'lc-pane' },
      el('h1', { class: 'lc-title' }, t.appTitle),
      el('p', { class: 'lc-notice lc-notice-info', 'data-testid': 'no-office' }, t.noOffice)));
    return;
  }
  await mountPane(root, new WpsHost(app));
}

void start();
