import { defineContentScript } from 'wxt/utils/define-content-script';
import { orgPanelController } from '../../components/org/orgPanelController';
import { startPanelController } from '../../utils/page/controller';

type PanelGlobal = typeof globalThis & { __statboardOrgPanel?: boolean };

/**
 * The organization panel, with Preact and Chart.js. Not in the manifest: the background injects it
 * when the page detector (entrypoints/github.content.ts) sees an organization page, so other GitHub pages
 * never parse it. From then on it follows soft navigation itself.
 */
export default defineContentScript({
  matches: ['https://github.com/*'],
  registration: 'runtime',
  main(ctx) {
    const world = globalThis as PanelGlobal;
    if (world.__statboardOrgPanel) return; // asked for twice during one page's life
    world.__statboardOrgPanel = true;
    // A reloaded extension injects afresh into the same isolated world.
    ctx.onInvalidated(() => (world.__statboardOrgPanel = false));
    startPanelController(orgPanelController, ctx.signal);
  },
});
