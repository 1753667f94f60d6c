/**
 * Where the settings a content script reads live in `browser.storage`: one definition for
 * `utils/settings.ts` (WXT's items) and `utils/page/panelSettings.ts` (which reads
 * `browser.storage` directly to keep WXT's storage wrapper out of the panels). No imports, so a
 * content script that takes these takes nothing else.
 */
export const PREFERENCES_KEY = { area: 'sync', key: 'preferences' } as const;
export const PANEL_UI_KEY = { area: 'local', key: 'panelUi' } as const;

/** The `area:key` form WXT's `storage.defineItem` takes. */
export function itemKey<A extends string, K extends string>(where: { area: A; key: K }): `${A}:${K}` {
  return `${where.area}:${where.key}`;
}
