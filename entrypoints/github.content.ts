import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { commandMessage } from '../utils/protocol';
import { panelKindFor } from '../utils/page/detect';
import { onPageChange } from '../utils/page/navigation';

/**
 * The only script on every GitHub page, kept tiny: it recognises repository and organization
 * pages (now, or after a soft navigation) and asks the background to inject that panel, once.
 * Every other page pays for this file alone, not for Preact and Chart.js.
 */
export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    performance.mark('statboard:content-start');
    const requested = new Set<'repo' | 'org'>();
    const check = (href: string) => {
      const panel = panelKindFor(href, document);
      if (!panel || requested.has(panel)) return;
      requested.add(panel);
      browser.runtime
        .sendMessage(commandMessage({ type: 'panels.load', panel }))
        .catch(() => requested.delete(panel)); // the worker was restarting: the next page change asks again
    };
    onPageChange(check, ctx.signal);
    check(location.href);
  },
});
