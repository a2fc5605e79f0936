/**
 * The pane builds its DOM from data with these helpers only. Text always goes in
 * through textContent, never as markup: a project name such as
 * `<img src=x onerror=…>` stays text.
 */

export type Attrs = Record<string, string | number | boolean | null | undefined>;
export type Child = Node | string | number | null | undefined | false;

/** An element with attributes (false/null/undefined leave one out) and children as text or nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces every child of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

let ids = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A <select> with its options; `selected` is compared as text. */
export function select(attrs: Attrs, options: { value: string; label: string }[], selected: string): HTMLSelectElement {
  const s = el('select', attrs);
  for (const o of options) {
    const opt = el('option', { value: o.value }, o.label);
    if (o.value === selected) opt.selected = true;
    s.appendChild(opt);
  }
  return s;
}

/**
 * Up/Down/Home/End move focus between the focusable items of a list (the
 * issue and lagging lists), so a keyboard user does not Tab through hundreds.
 */
export function arrowNavigation(list: HTMLElement, itemSelector: string): void {
  list.addEventListener('keydown', (ev) => {
    const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
    if (!keys.includes(ev.key)) return;
    const items = Array.from(list.querySelectorAll<HTMLElement>(itemSelector));
    if (items.length === 0) return;
    const at = items.indexOf(document.activeElement as HTMLElement);
    let next = at;
    if (ev.key === 'ArrowDown') next = Math.min(items.length - 1, at + 1);
    else if (ev.key === 'ArrowUp') next = Math.max(0, at - 1);
    else if (ev.key === 'Home') next = 0;
    else next = items.length - 1;
    ev.preventDefault();
    items[next].focus();
  });
}
