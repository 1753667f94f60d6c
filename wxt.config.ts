import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { BRIDGED, RUNTIME_GLOBAL, type BridgedModule } from './components/org/insights/bridgeNames';

const KIT_INDEX = resolve(import.meta.dirname, 'components/kit/index.ts');
const BRIDGE_PREFIX = '\0statboard-bridge:';

/**
 * The org panel's API Insights part (entrypoints/org-insights.content) is a second injected
 * bundle. Its Preact and kit imports resolve to modules that read the org panel's own instances
 * from the isolated world (components/org/insights/bridgeNames.ts, insightsPart.ts): one Preact,
 * one kit context. Anything else it imports (its views, Chart.js with the line chart) it bundles.
 */
function orgRuntimeBridge(): Plugin {
  const code = (module: BridgedModule) => {
    const names = BRIDGED[module];
    return [
      `const runtime = globalThis[${JSON.stringify(RUNTIME_GLOBAL)}];`,
      `if (!runtime) throw new Error('Statboard: the API Insights part runs only inside the organization panel.');`,
      `export const { ${names.join(', ')} } = runtime[${JSON.stringify(module)}];`,
    ].join('\n');
  };
  return {
    name: 'statboard-org-runtime-bridge',
    enforce: 'pre',
    resolveId(source) {
      if (source in BRIDGED && source !== 'kit') return BRIDGE_PREFIX + source;
      return null;
    },
    load(id) {
      if (id.startsWith(BRIDGE_PREFIX)) return code(id.slice(BRIDGE_PREFIX.length) as BridgedModule);
      if (id === KIT_INDEX) return code('kit');
      return null;
    },
  };
}

// Host permissions: github.com and its API are granted at install. GitHub Enterprise hosts
// (GHE.com, Enterprise Server) are optional and requested from the options page.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No auto-imports: every file names what it uses, and utils/ is not implicitly global.
  imports: false,
  // Lets parallel builds (tests, bench, demo) use separate folders.
  outDir: process.env.STATBOARD_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'Statboard',
    description:
      'GitHub repository statistics and organization API Insights, on the pages where you already look.',
    // activeTab: the popup reads the current tab's URL; scripting: content scripts for added hosts.
    permissions: ['storage', 'alarms', 'activeTab', 'scripting'],
    // github.com pages: the page detector's content script already needs them; the panels are
    // injected with scripting.executeScript only into tabs showing a repository or organization.
    host_permissions: ['https://api.github.com/*', 'https://github.com/*'],
    optional_host_permissions: ['https://*/*'],
    // public/icon/<size>.png (made from assets/icon.svg by `npm run icons`) become `icons` by
    // themselves; the toolbar button names its sizes here.
    action: { default_title: 'Statboard', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'statboard@statboard.dev',
              // 140: the first Firefox that knows data_collection_permissions (142 on Android).
              strict_min_version: '140.0',
              // Statboard sends nothing anywhere but the GitHub API the user configured.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android knows data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // `npm run zip`: the Chrome zip, the Firefox zip and (with -b firefox) the sources zip that
  // addons.mozilla.org asks for; test and demo output never goes into it.
  zip: {
    excludeSources: ['test-results/**', 'demo-output/**', 'bench/out/**', 'playwright-report/**', 'blob-report/**', 'coverage/**'],
  },
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entry) => entry.name === 'org-insights')) (config.plugins ??= []).push(orgRuntimeBridge());
    },
  },
  vite: () => ({
    // Reading a property is taken to have no side effects, so unused reads (and the code only
    // they kept alive) are dropped: -6 KB gzip from the repo panel, -5 KB from the org panel.
    // The e2e suite (charts drawn, pixels compared, every state) runs on this build.
    build: { minify: process.env.STATBOARD_NO_MINIFY ? false : undefined, rollupOptions: { treeshake: { propertyReadSideEffects: false } } },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: {
      alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
    },
  }),
});
