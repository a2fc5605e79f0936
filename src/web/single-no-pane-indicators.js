// The single-file page evaluates indicators only in their worker: mathjs is not in the
// page's own script (it would double the file). Where no worker can start, the what-if
// tab says the indicators cannot be evaluated, as it does for any failure to load them.
throw new Error('indicators are evaluated in a worker on this page, and no worker could be started');
