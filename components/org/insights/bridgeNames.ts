/**
 * What the organization panel lends its API Insights part (entrypoints/org-insights.ts), by
 * module and name. The part is a second script the background injects into the same tab when the
 * insights view is first shown; two injected bundles share no module instances, so the part's
 * build (wxt.config.ts) resolves these modules to the panel's own: ONE Preact (hooks keep their
 * state in it), the kit's context and components. Plain data: wxt.config.ts imports it too.
 */
export const BRIDGED = {
  preact: ['Component', 'Fragment', 'createContext', 'createElement'],
  'preact/hooks': ['useCallback', 'useContext', 'useEffect', 'useId', 'useLayoutEffect', 'useMemo', 'useRef', 'useState'],
  'preact/jsx-runtime': ['Fragment', 'jsx', 'jsxs'],
  kit: ['DataTable', 'ExportMenu', 'LongTableBody', 'Section', 'SectionBody', 'SectionData', 'SectionPart', 'downloadText', 'serverSort', 'useQueries', 'useQuery'],
} as const;

export type BridgedModule = keyof typeof BRIDGED;

/** The isolated world's global the panel puts its runtime on (the page's own scripts cannot see it). */
export const RUNTIME_GLOBAL = '__statboardOrgRuntime';
