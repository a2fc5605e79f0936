// The single-file page's one script (dist/ledger-check.html). The same text runs twice: on
// the page, as the page; and in the check worker, which the page starts from this very
// script's text (single-start-worker.js), since a file opened from a disk has no folder to
// load a worker's script from. JavaScript for the same reason as start-worker.js.
if (typeof document === 'undefined') require('./worker');
else require('./index');
