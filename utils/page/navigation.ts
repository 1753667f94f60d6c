/**
 * One signal for "the page may have changed": GitHub navigates without page loads (Turbo and
 * React) and no single event covers every path, so several are listened to, debounced, and the
 * callback decides from the URL and the DOM.
 */

const DOCUMENT_EVENTS = ['turbo:render', 'turbo:load', 'soft-nav:react-done', 'soft-nav:end'];

interface NavigationLike extends EventTarget {
  readonly currentEntry: unknown;
}

/**
 * Calls `callback(href)` (debounced) after any soft navigation or re-render; stops when `signal`
 * aborts. History patching is not used: a content script runs in an isolated world, so a patched
 * `pushState` would never see the page's own calls. The Navigation API's events do cross worlds;
 * where it is missing, a cheap URL poll stands in.
 */
export function onPageChange(callback: (href: string) => void, signal: AbortSignal, debounceMs = 60): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!signal.aborted) callback(location.href);
    }, debounceMs);
  };
  const options = { signal } as AddEventListenerOptions;
  for (const type of DOCUMENT_EVENTS) document.addEventListener(type, schedule, options);
  window.addEventListener('popstate', schedule, options);
  const navigation = (window as unknown as { navigation?: NavigationLike }).navigation;
  if (navigation) {
    navigation.addEventListener('navigatesuccess', schedule, options);
    navigation.addEventListener('currententrychange', schedule, options);
  } else {
    let last = location.href;
    const poll = setInterval(() => {
      if (location.href !== last) {
        last = location.href;
        schedule();
      }
    }, 500);
    signal.addEventListener('abort', () => clearInterval(poll));
  }
  signal.addEventListener('abort', () => clearTimeout(timer));
}
