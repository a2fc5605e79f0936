// The single-file page's check worker: the page's own script (the element #lc-code), run
// again as a worker from a blob: URL, which the page's CSP allows (worker-src blob:).
// Stands in for start-worker.js in that build (webpack.config.js).
export function startWorker() {
  const code = document.getElementById('lc-code');
  if (!code || !code.textContent) throw new Error('the page has no script text to start its worker from');
  const url = URL.createObjectURL(new Blob([code.textContent], { type: 'text/javascript' }));
  try {
    return new Worker(url);
  } finally {
    // The worker has been given its script; the URL is not needed again.
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}
