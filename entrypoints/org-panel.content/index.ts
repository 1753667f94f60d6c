import { defineContentScript } from 'wxt/utils/define-content-script';
import { orgPanelController } from '../../components/org/orgPanelController';
import { startInjectedPanel } from '../../utils/page/controller';

/**
 * The organization panel, with Preact and Chart.js. Not in the manifest: the background injects it
 * when a tab shows an organization page (utils/background/panelInjection.ts), so other GitHub pages
 * never parse it. From then on it follows soft navigation itself.
 */
export default defineContentScript({
  matches: ['https://github.com/*'],
  registration: 'runtime',
  main: (ctx) => startInjectedPanel('org', orgPanelController, ctx),
});
