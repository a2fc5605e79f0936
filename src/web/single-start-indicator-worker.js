// The single-file page's indicator worker (mathjs and the indicator code, which the page
// itself never loads): kept deflated and base64-encoded in the element #lc-indicators, a
// data block the browser does not run, inflated with fflate (already in the page for
// reading workbooks) and started from a blob: URL. Stands in for
// src/taskpane/whatif/whatif-start-worker.js in that build (webpack.config.js).
import { inflateSync, strFromU8 } from 'fflate';

export function startIndicatorWorker() {
  const block = document.getElementById('lc-indicators');
  if (!block || !block.textContent) throw new Error('the page carries no indicator worker');
  const packed = atob(block.textContent.trim());
  const bytes = new Uint8Array(packed.length);
  for (let i = 0; i < packed.length; i++) bytes[i] = packed.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([strFromU8(inflateSync(bytes))], { type: 'text/javascript' }));
  try {
    return new Worker(url, { name: 'indicator-worker' });
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}
