import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { InsightsView } from '../components/org/insights/InsightsView';
import { RUNTIME_GLOBAL } from '../components/org/insights/bridgeNames';
import type { OrgRuntime } from '../components/org/insightsPart';

/**
 * The organization panel's API Insights part. Not in the manifest, and never injected alone: the
 * org panel asks for it (`panels.load` with `org-insights`) when its insights view is first shown,
 * after lending its runtime (components/org/insightsPart.ts); this hands the view back.
 * An unlisted script, like the panels (see repo-panel.ts).
 */
export default defineUnlistedScript(() => {
  (globalThis as typeof globalThis & { [RUNTIME_GLOBAL]?: OrgRuntime })[RUNTIME_GLOBAL]?.provide(InsightsView);
});
