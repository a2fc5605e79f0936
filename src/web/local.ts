/**
 * The service and its dispatcher for running on the page, when no worker can: loaded on
 * first use, so the page's start-up script does not carry the reader, the engine's
 * writers and the Word writer that the worker holds.
 */
export { CheckService } from './check-service';
export { handle } from './handle';
