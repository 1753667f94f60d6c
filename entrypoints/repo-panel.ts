import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { repoPanelController } from '../components/repo/repoPanelController';
import { startInjectedPanel } from '../utils/page/controller';

/**
 * The repository panel, with Preact and Chart.js. Not in the manifest: the background injects it
 * when a tab shows a repository page (utils/background/panelInjection.ts), so other GitHub pages
 * never parse it. From then on it follows soft navigation itself.
 * An unlisted script, not a runtime content script: WXT's content-script context (a location
 * watcher, a message posted to the page's own window on start, about 1 KB) is not needed by a
 * bundle the background injects; startInjectedPanel keeps one panel per document itself.
 */
export default defineUnlistedScript(() => startInjectedPanel('repo', repoPanelController));
