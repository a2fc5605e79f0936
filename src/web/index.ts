/**
 * The web page: pick or drop a ledger and the task pane checks it in the
 * browser, with the command's own code (in a worker), with nothing sent
 * anywhere. The annotated copy and the JSON report are offered as downloads.
 */
import type { Lang } from '../core/types';
import { parseSettings } from '../excel/settings';
import { replace } from '../taskpane/dom';
import { reportOf, type CheckResult } from '../taskpane/model';
import { mountPane } from '../taskpane/pane';
import { paneStrings } from '../taskpane/strings';
import { browserLanguages, pageLang } from './lang';
import { buildPage, showPreview, type PageParts } from './page';
import { startWorker } from './start-worker';
import { downloadNames, safeStorage, STORAGE_KEY, WebHost } from './web-host';
import { WebEngine } from './web-engine';
import { WorkerClient } from './worker-client';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function tryWorker(): Worker | null {
  try {
    return typeof Worker === 'undefined' ? null : startWorker();
  } catch {
    return null;
  }
}

function initialLang(): Lang {
  const saved = parseSettings(safeStorage()?.getItem(STORAGE_KEY) ?? null);
  return saved?.lang ?? pageLang(browserLanguages());
}

/** Points a download link at new content (revoking the old), or disables it. */
function setLink(a: HTMLAnchorElement, blob: Blob | null, fileName: string): void {
  const old = a.getAttribute('href');
  if (old) URL.revokeObjectURL(old);
  if (!blob) {
    a.removeAttribute('href');
    a.removeAttribute('download');
    a.setAttribute('aria-disabled', 'true');
    return;
  }
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  a.removeAttribute('aria-disabled');
}

/**
 * Runs `f` once the frame now being prepared has been painted (a task queued from the
 * next animation frame), or soon where the page is hidden and frames are not drawn.
 */
function afterPaint(f: () => void): void {
  if (typeof requestAnimationFrame === 'undefined' || document.hidden) {
    setTimeout(f, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(f, 0));
}

function start(): void {
  const app = document.getElementById('app') ?? document.body;
  let lang = initialLang();
  const page: PageParts = buildPage(lang);
  replace(app, page.root);
  page.relabel(lang);
  const client = new WorkerClient(tryWorker());
  page.root.setAttribute('data-runs-in', client.mode);
  let generation = 0;
  /** Counts the 通报 links asked for: only the last one asked is set. */
  let bulletinAsked = 0;
  /** The earlier periods' workbooks chosen, and the ledger open now (re-checked when they change). */
  let earlier: { name: string; bytes: Uint8Array }[] = [];
  let current: File | null = null;

  async function open(file: File): Promise<void> {
    const mine = ++generation;
    current = file;
    const names = downloadNames(file.name);
    let result: CheckResult | null = null;
    let output: Uint8Array | null = null;
    page.fileStatus.textContent = paneStrings(lang).loadingFile(file.name);
    // The last file's pane goes at once: nothing on screen may belong to the wrong file.
    replace(page.paneRoot);
    setLink(page.downloadWorkbook, null, '');
    setLink(page.downloadReport, null, '');
    setLink(page.downloadBulletin, null, '');
    showPreview(page.preview, null, lang);

    const refreshReport = () => {
      if (!result) return;
      const json = `${JSON.stringify(reportOf(result, file.name, output ? names.copy : null), null, 2)}\n`;
      setLink(page.downloadReport, new Blob([json], { type: 'application/json' }), names.report);
      // The 通报 as Word: the parts `ledger bulletin --docx` writes for this workbook (packed with
      // the portable deflate). The Word writer is loaded on first use, keeping it out of the
      // start-up script; a later file or check makes this one's link stale.
      const checked = result;
      const asked = ++bulletinAsked;
      void import('../docx').then(({ bulletinDocx }) => {
        if (mine !== generation || asked !== bulletinAsked) return;
        const docx = bulletinDocx(reportOf(checked, file.name, null), lang);
        setLink(page.downloadBulletin, new Blob([docx.slice()], { type: DOCX_TYPE }), names.bulletin);
      });
    };
    const host = new WebHost(client, {
      showPreview: (data) => {
        if (mine === generation) showPreview(page.preview, data, lang);
      },
      onOutput: (bytes) => {
        if (mine !== generation) return;
        output = bytes;
        // A copy of the bytes: the Blob must not share a buffer the page may reuse.
        setLink(page.downloadWorkbook, bytes ? new Blob([bytes.slice()], { type: XLSX_TYPE }) : null, names.copy);
        refreshReport();
      },
    });
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (mine !== generation) return;
    page.fileStatus.textContent = file.name;
    await mountPane(page.paneRoot, host, {
      engine: new WebEngine(client, bytes, file.name, earlier),
      autoCheck: true,
      onChecked: (r) => {
        if (mine !== generation) return;
        result = r;
        // The report and the annotated copy (the same one the command writes) right after the
        // summary is on screen: handing a large ledger's plans to the worker and writing the
        // report's JSON take the page a second, which the summary need not wait for.
        afterPaint(() => {
          if (mine !== generation || result !== r) return;
          refreshReport();
          host.offerCopy(r.plans).catch(() => {
            if (mine === generation) setLink(page.downloadWorkbook, null, '');
          });
        });
      },
      onLang: (next) => {
        lang = next;
        page.relabel(next);
      },
    });
  }

  const openFirst = (files: FileList | null) => {
    const file = files && files[0];
    if (file) void open(file);
  };
  page.fileInput.addEventListener('change', () => openFirst(page.fileInput.files));
  page.earlierInput.addEventListener('change', () => {
    const files = Array.from(page.earlierInput.files ?? []);
    void Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))).then((read) => {
      earlier = read;
      if (current) void open(current);
    });
  });
  page.dropZone.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    page.dropZone.classList.add('lc-drop-active');
  });
  page.dropZone.addEventListener('dragleave', () => page.dropZone.classList.remove('lc-drop-active'));
  page.dropZone.addEventListener('drop', (ev) => {
    ev.preventDefault();
    page.dropZone.classList.remove('lc-drop-active');
    openFirst(ev.dataTransfer ? ev.dataTransfer.files : null);
  });
  // A file dropped beside the zone must not make the browser navigate away to it.
  document.addEventListener('dragover', (ev) => ev.preventDefault());
  document.addEventListener('drop', (ev) => ev.preventDefault());
}

start();
