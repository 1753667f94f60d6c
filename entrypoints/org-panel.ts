import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { orgPanelController } from '../components/org/orgPanelController';
import { startInjectedPanel } from '../utils/page/controller';

/**
 * The organization panel (Activity, and the API Insights tab whose views are a second part,
 * org-insights.ts). Injected by the background like the repository panel (see repo-panel.ts).
 */
export default defineUnlistedScript(() => startInjectedPanel('org', orgPanelController));
