/*
 * Building DOM nodes without HTML strings: every piece of text (asset names, messages) goes in as a text node or
 * through setAttribute, so a name such as `<img src=x onerror=alert(1)>` shows as text and runs nothing.
 * Nothing in the pane uses innerHTML, outerHTML or insertAdjacentHTML.
 */

export type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  className?: string;
  id?: string;
  /** Plain attributes. Event handlers (on…), style and srcdoc are refused: use listeners and CSS classes. */
  attributes?: Record<string, string>;
  text?: string;
}

/** Attribute names that would run or inject code if a value came from data. */
const FORBIDDEN_ATTRIBUTE = /^(on|style$|srcdoc$)/i;

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.id) node.id = options.id;
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    if (FORBIDDEN_ATTRIBUTE.test(name)) throw new Error(`element(): attribute ${name} is not allowed`);
    node.setAttribute(name, value);
  }
  if (options.text !== undefined) node.textContent = options.text;
  appendChildren(node, children);
  return node;
}

export function appendChildren(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** A <button type="button"> (never a form submit) with a click handler. */
export function button(text: string, onClick: () => void, options: ElementOptions = {}): HTMLButtonElement {
  const node = element("button", { ...options, attributes: { type: "button", ...(options.attributes ?? {}) } }, text);
  node.addEventListener("click", onClick);
  return node;
}

/** The element with `id`, or an error naming the page that lacks it. */
export function requiredElement<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`taskpane.html has no #${id}`);
  return found as T;
}

/** Sets textContent only when it changed (keeps screen readers and selections quiet). */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Sets an input's value unless the user is typing in it (focused): used by renders, never by commits. */
export function setValueUnlessFocused(input: HTMLInputElement, value: string): void {
  if (document.activeElement !== input && input.value !== value) input.value = value;
}

/** Element ids for generated controls: unique per page. */
let nextId = 0;
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
