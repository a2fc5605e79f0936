/**
 * A file offered to the user from the pane: a Blob behind an anchor with `download`, clicked.
 * A webview that does not allow downloads may throw here (caught by the caller, which says
 * where else the file can be had) or drop the download without a word, which no page can see.
 */

export type Download = (bytes: Uint8Array, fileName: string, type: string) => void;

/** The pane's host cannot hand a file to the user. */
export class DownloadBlocked extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'DownloadBlocked';
  }
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** How long the Blob's URL outlives the click: the browser copies from it after the event. */
const REVOKE_AFTER_MS = 60_000;

export function browserDownload(bytes: Uint8Array, fileName: string, type: string): void {
  if (typeof Blob === 'undefined' || typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') {
    throw new DownloadBlocked('no Blob URLs here');
  }
  const a = document.createElement('a');
  if (!('download' in a)) throw new DownloadBlocked('anchors cannot download here');
  let url: string;
  try {
    // A copy of the bytes: the Blob must not share a buffer the caller may reuse.
    url = URL.createObjectURL(new Blob([bytes.slice()], { type }));
  } catch (e) {
    throw new DownloadBlocked(e instanceof Error ? e.message : String(e));
  }
  try {
    a.href = url;
    a.download = fileName;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } catch (e) {
    URL.revokeObjectURL(url);
    throw new DownloadBlocked(e instanceof Error ? e.message : String(e));
  }
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
