/**
 * The pane's notice line: the outcome of the last step, an error, or a warning
 * that something could not be written. One sentence per line, never a stack.
 */
import { el, replace } from './dom';
import type { PaneNotice } from './no-room';

export type NoticeKind = 'error' | 'info' | 'warning';

export interface NoticeBox {
  element: HTMLElement;
  show(kind: NoticeKind, text: string | readonly string[]): void;
  /** A step's outcome: a sentence (info) or a notice with its own kind. */
  showOutcome(outcome: string | PaneNotice): void;
  clear(): void;
}

export function noticeBox(): NoticeBox {
  const element = el('div', { class: 'lc-notice', 'data-testid': 'notice', 'aria-live': 'polite', hidden: true });
  const box: NoticeBox = {
    element,
    show(kind, text) {
      const lines = typeof text === 'string' ? [text] : text;
      element.hidden = false;
      element.className = `lc-notice lc-notice-${kind}`;
      element.setAttribute('role', kind === 'info' ? 'status' : 'alert');
      element.setAttribute('data-kind', kind);
      replace(element, ...lines.map((line) => el('div', { class: 'lc-notice-text' }, line)));
    },
    showOutcome(outcome) {
      if (typeof outcome === 'string') box.show('info', outcome);
      else if (outcome.lines.length) box.show(outcome.kind, outcome.lines);
    },
    clear() {
      element.hidden = true;
      replace(element);
    },
  };
  return box;
}
