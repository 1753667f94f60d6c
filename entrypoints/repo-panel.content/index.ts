import { defineContentScript } from 'wxt/utils/define-content-script';
import { repoPanelController } from '../../components/repo/repoPanelController';
import { startPanelController } from '../../utils/page/controller';

type PanelGlobal = typeof globalThis & { __statboardRepoPanel?: boolean };

/**
 * The repository panel, with Preact and Chart.js. Not in the manifest: the background injects it
 * when the page detector (entrypoints/github.content.ts) sees a repository page, so other GitHub pages
 * never parse it. From then on it follows soft navigation itself.
 */
export default defineContentScript({
  matches: ['https://github.com/*'],
  registration: 'runtime',
  main(ctx) {
    const world = globalThis as PanelGlobal;
    if (world.__statboardRepoPanel) return; // asked for twice during one page's life
    world.__statboardRepoPanel = true;
    // A reloaded extension injects afresh into the same isolated world.
    ctx.onInvalidated(() => (world.__statboardRepoPanel = false));
    startPanelController(repoPanelController, ctx.signal);
  },
});
