import type { KeyboardEvent } from 'react';

/** Ctrl+Enter (Cmd+Enter on a Mac) anywhere in a form saves it, as the form's own button would. */
export function submitOnCtrlEnter(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

/**
 * Ctrl+Enter (Cmd+Enter) pressed on the page itself, not in a form or a field: there the same keys
 * save that form (submitOnCtrlEnter), or belong to what is being typed, and the page must not act.
 */
export function isPageCtrlEnter(event: globalThis.KeyboardEvent): boolean {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return false;
  const target = event.target instanceof Element ? event.target : null;
  return !target?.closest('form, input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}
