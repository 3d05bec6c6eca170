// The current route follows location.hash. Links are plain <a href="#/…">; code navigates
// with `navigate`, which can replace the history entry (filter edits, redirects) so "back"
// skips over every keystroke typed in the search box.

import { useMemo, useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './routes';

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('hashchange', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('hashchange', notify);
  };
}

function currentHash(): string {
  return window.location.hash;
}

export function navigate(href: string, options: { readonly replace?: boolean } = {}): void {
  if (href === window.location.hash) return;
  if (options.replace) {
    window.history.replaceState(window.history.state, '', href);
    notify(); // replaceState fires no hashchange
  } else {
    window.location.hash = href;
  }
}

/** The route for the current address; the same object until the address changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return useMemo(() => parseRoute(hash), [hash]);
}
