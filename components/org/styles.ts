import { KIT_CSS, KIT_EXTRAS_CSS } from '../kit';

/**
 * The org panel's own CSS on top of the kit's: the window controls, breadcrumb, sortable list
 * headers, filters and drill-down parts. Primer variables with light fallbacks, 4/8px grid.
 */
const ORG_CSS = /* css */ `
/* Collapsed for lack of access: the reason sits on the title's line. */
.sb-panel[data-statboard="org"][data-collapsed="true"] .sb-subtitle { display: inline; margin-left: 8px; }

.sb-org-controls { display: flex; flex-direction: column; gap: 8px; padding: 12px 0; border-bottom: 1px solid var(--borderColor-muted, #d1d9e0b3); }
.sb-control-row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; }
.sb-control-row .sb-spacer { flex: 1; }
.sb-field { display: inline-flex; align-items: center; gap: 6px; font-size: 12px; font-weight: 600; color: var(--fgColor-default, #1f2328); }
.sb-input {
  height: 28px; padding: 0 8px; font: inherit; font-size: 12px;
  color: var(--fgColor-default, #1f2328);
  background: var(--bgColor-default, #ffffff);
  border: 1px solid var(--control-borderColor-rest, var(--borderColor-default, #d1d9e0));
  border-radius: var(--borderRadius-medium, 6px);
  color-scheme: inherit;
}
.sb-input[aria-invalid="true"] { border-color: var(--borderColor-danger-emphasis, #cf222e); }
.sb-filter { width: 200px; max-width: 100%; }
.sb-zone { font-size: 12px; color: var(--fgColor-muted, #59636e); }
.sb-field-error { flex-basis: 100%; margin: 0; font-size: 12px; color: var(--fgColor-danger, #d1242f); }
.sb-segmented { display: inline-flex; }
.sb-segmented .sb-btn { border-radius: 0; }
.sb-segmented .sb-btn + .sb-btn { margin-left: -1px; }
.sb-segmented .sb-btn:first-child { border-radius: var(--borderRadius-medium, 6px) 0 0 var(--borderRadius-medium, 6px); }
.sb-segmented .sb-btn:last-child { border-radius: 0 var(--borderRadius-medium, 6px) var(--borderRadius-medium, 6px) 0; }
.sb-segmented .sb-btn[aria-pressed="true"] { font-weight: 600; }

.sb-org-stats { grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); }
.sb-delta { display: block; font-size: 12px; font-weight: 400; color: var(--fgColor-muted, #59636e); }

.sb-swatch-requests { background: var(--bgColor-accent-emphasis, #0969da); }
.sb-swatch-limited { background: var(--bgColor-danger-emphasis, #cf222e); }

.sb-breadcrumb { padding: 12px 0 0; border-top: 1px solid var(--borderColor-muted, #d1d9e0b3); font-size: 14px; }
.sb-breadcrumb + .sb-section { border-top: 0; padding-top: 4px; }
.sb-breadcrumb ol { display: flex; flex-wrap: wrap; margin: 0; padding: 0; list-style: none; }
.sb-breadcrumb li { display: inline-flex; align-items: center; min-width: 0; }
.sb-breadcrumb li + li::before { content: "/"; padding: 0 8px; color: var(--fgColor-muted, #59636e); }
.sb-crumb, .sb-drill {
  padding: 0; font: inherit; color: var(--fgColor-accent, #0969da); background: none; border: 0; cursor: pointer;
  text-align: left; overflow-wrap: anywhere;
}
.sb-crumb:hover, .sb-drill:hover { text-decoration: underline; }
.sb-crumb-current { font-weight: 600; overflow-wrap: anywhere; }
.sb-drill { font-weight: 600; }
.sb-name { font-weight: 600; }


.sb-code { font-family: var(--fontStack-monospace, ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace); font-size: 12px; }
.sb-table td.sb-wrap:has(.sb-route) { min-width: 200px; }
.sb-count { font-size: 12px; color: var(--fgColor-muted, #59636e); }

.sb-access { padding: 12px 0 16px; align-items: flex-start; }
.sb-access ul { margin: 0; padding-left: 20px; color: var(--fgColor-default, #1f2328); }
.sb-access li + li { margin-top: 2px; }
`;

// Tabs in the header (Primer UnderlineNav-like), Activity's parts.
const ACTIVITY_CSS = /* css */ `
.sb-tabs { display: flex; gap: 4px; align-self: stretch; align-items: stretch; margin: -8px 0; }
.sb-tab {
  position: relative; padding: 0 8px; font: inherit; font-size: 14px; color: var(--fgColor-muted, #59636e);
  background: none; border: 0; cursor: pointer; white-space: nowrap;
}
.sb-tab:hover { color: var(--fgColor-default, #1f2328); }
.sb-tab[aria-selected="true"] { color: var(--fgColor-default, #1f2328); font-weight: 600; }
.sb-tab[aria-selected="true"]::after {
  content: ""; position: absolute; left: 8px; right: 8px; bottom: 0; height: 2px; border-radius: 2px;
  background: var(--underlineNav-borderColor-active, var(--borderColor-accent-emphasis, #fd8c73));
}
.sb-repos { max-height: none; }
.sb-repos td { vertical-align: middle; }
.sb-repos .sb-sparkline { color: var(--fgColor-accent, #0969da); }
.sb-insights-note { padding: 8px 0 12px; border-top: 1px solid var(--borderColor-muted, #d1d9e0b3); }
.sb-insights-note p { margin: 0; }
.sb-insights-note .sb-access { padding-top: 8px; }
`;

export const ORG_PANEL_CSS = KIT_CSS + KIT_EXTRAS_CSS + ORG_CSS + ACTIVITY_CSS;
