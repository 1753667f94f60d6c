/**
 * The architecture's rules, checked in `npm run lint` (docs/architecture.md "Checked rules").
 * Type-only imports are left out where a rule is about what code ends up in a bundle or runs.
 */

/** Code that runs inside GitHub's pages: the injected panels and what they use. */
const CONTENT_SCRIPT = '^(components/(repo|org|kit)/|utils/page/|utils/statboardClient\\.ts$|entrypoints/(repo-panel|repo-charts|org-panel|org-insights)\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles: every layer can be read (and loaded) on its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'entrypoints-only-wire',
      severity: 'error',
      comment: 'An entrypoint wires modules together; nothing imports an entrypoint, and entrypoints do not import each other.',
      from: { path: '^(?!entrypoints/)' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'entrypoints-apart',
      severity: 'error',
      comment: 'One entrypoint does not reach into another: shared code lives in components/ or utils/.',
      from: { path: '^entrypoints/([^/.]+)' },
      to: { path: '^entrypoints/', pathNot: '^entrypoints/$1' },
    },
    {
      name: 'content-script-no-engine',
      severity: 'error',
      comment:
        'Content-script code (panels, page utilities, the port client) never imports the engine, the cache or the token store: the token and the cached answers stay in the background.',
      from: { path: CONTENT_SCRIPT },
      to: {
        path: '^utils/(engine/|account/|watchlist/|protectedStore\\.ts$|settings\\.ts$)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'metrics-pure',
      severity: 'error',
      comment:
        'utils/metrics holds pure functions of API data: it imports only itself and the plain protocol, date and state modules (no packages, nothing with side effects).',
      from: { path: '^utils/metrics/' },
      to: {
        pathNot: '^utils/(metrics/|protocol\\.ts$|dates\\.ts$|queryStates\\.ts$)',
        dependencyTypesNot: ['type-only'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt|tests|bench|scripts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
