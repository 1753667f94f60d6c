/**
 * The panels' CSS, injected into their shadow roots. Primer variables come from the host page
 * (they inherit through the shadow boundary), each with its light default as a fallback, so
 * light, dark, dimmed and high-contrast themes all follow GitHub. Type: 14px body, 12px small;
 * spacing on a 4/8px grid; 6px radius.
 */
const BASE_CSS = /* css */ `
:host { display: block; margin-bottom: 16px; }
* { box-sizing: border-box; }
.sb-panel {
  font-family: var(--fontStack-sansSerif, -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif);
  font-size: 14px;
  line-height: 1.5;
  color: var(--fgColor-default, #1f2328);
  background: var(--bgColor-default, #ffffff);
  border: var(--borderWidth-thin, 1px) solid var(--borderColor-default, #d1d9e0);
  border-radius: var(--borderRadius-medium, 6px);
}
.sb-header {
  display: flex; align-items: center; gap: 8px;
  padding: 8px 8px 8px 16px;
  background: var(--bgColor-muted, #f6f8fa);
  border-radius: var(--borderRadius-medium, 6px);
}
.sb-panel[data-collapsed="false"] .sb-header {
  border-bottom: 1px solid var(--borderColor-default, #d1d9e0);
  border-radius: var(--borderRadius-medium, 6px) var(--borderRadius-medium, 6px) 0 0;
}
.sb-title { margin: 0; font-size: 14px; font-weight: 600; flex: 1 1 auto; min-width: 0; }
.sb-subtitle { display: block; font-size: 12px; font-weight: 400; color: var(--fgColor-muted, #59636e); }
.sb-actions { display: flex; gap: 4px; align-items: center; flex: none; }
.sb-body { padding: 0 16px; }
.sb-body[hidden] { display: none; }

.sb-btn {
  display: inline-flex; align-items: center; justify-content: center; gap: 4px;
  height: 28px; padding: 0 8px;
  font: inherit; font-size: 12px; font-weight: 500; line-height: 20px;
  color: var(--button-default-fgColor-rest, var(--fgColor-default, #25292e));
  background: var(--button-default-bgColor-rest, var(--bgColor-muted, #f6f8fa));
  border: 1px solid var(--button-default-borderColor-rest, var(--borderColor-default, #d1d9e0));
  border-radius: var(--borderRadius-medium, 6px);
  cursor: pointer; white-space: nowrap;
}
.sb-btn:hover { background: var(--button-default-bgColor-hover, var(--bgColor-neutral-muted, #eff2f5)); }
.sb-btn[aria-pressed="true"] { background: var(--button-default-bgColor-selected, var(--bgColor-neutral-muted, #e6eaef)); color: var(--fgColor-default, #1f2328); }
.sb-btn-invisible { background: transparent; border-color: transparent; color: var(--fgColor-muted, #59636e); }
.sb-btn-invisible:hover { background: var(--button-invisible-bgColor-hover, #818b981a); color: var(--fgColor-default, #1f2328); }
.sb-btn-icon { width: 28px; padding: 0; }
.sb-btn svg { fill: currentColor; flex: none; }
:focus-visible { outline: 2px solid var(--focus-outlineColor, #0969da); outline-offset: -2px; }
.sb-link { color: var(--fgColor-accent, #0969da); text-decoration: none; }
.sb-link:hover { text-decoration: underline; }
select.sb-select {
  height: 28px; padding: 0 24px 0 8px; font: inherit; font-size: 12px;
  color: var(--fgColor-default, #1f2328);
  background-color: var(--bgColor-default, #ffffff);
  border: 1px solid var(--borderColor-default, #d1d9e0);
  border-radius: var(--borderRadius-medium, 6px);
}

.sb-headline { display: grid; grid-template-columns: repeat(auto-fill, minmax(112px, 1fr)); gap: 8px 16px; padding: 12px 0; margin: 0; }
.sb-stat { margin: 0; min-width: 0; border-radius: var(--borderRadius-small, 3px); }
.sb-stat dt { font-size: 12px; color: var(--fgColor-muted, #59636e); }
.sb-stat dd { margin: 0; font-size: 16px; font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.sb-stat .sb-why { display: block; font-size: 12px; font-weight: 400; color: var(--fgColor-muted, #59636e); }

.sb-section { padding: 12px 0 16px; border-top: 1px solid var(--borderColor-muted, #d1d9e0b3); }
.sb-section:first-of-type { border-top: 0; }
.sb-section-head { display: flex; align-items: center; gap: 8px; margin-bottom: 4px; }
.sb-section-title { margin: 0; font-size: 14px; font-weight: 600; flex: 1 1 auto; }
.sb-summary { margin: 0 0 8px; font-size: 12px; color: var(--fgColor-muted, #59636e); }
.sb-caption { margin: 8px 0 0; }
.sb-note { margin: 0 0 8px; font-size: 12px; color: var(--fgColor-attention, #9a6700); }
.sb-chart { position: relative; width: 100%; }
.sb-chart canvas { display: block; }
.sb-tip {
  position: absolute; z-index: 5; transform: translate(-50%, calc(-100% - 6px)); pointer-events: none;
  padding: 4px 8px; font-size: 12px; line-height: 1.5; white-space: nowrap;
  color: var(--tooltip-fgColor, var(--fgColor-onEmphasis, #ffffff));
  background: var(--tooltip-bgColor, var(--bgColor-emphasis, #25292e));
  border-radius: var(--borderRadius-medium, 6px);
}
.sb-legend { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 4px 0 0; padding: 0; list-style: none; font-size: 12px; color: var(--fgColor-muted, #59636e); }
.sb-swatch { display: inline-block; width: 8px; height: 8px; margin-right: 4px; border-radius: 2px; vertical-align: baseline; }
.sb-toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 8px; }
.sb-toolbar .sb-spacer { flex: 1; }

.sb-state { display: flex; flex-direction: column; justify-content: center; align-items: flex-start; gap: 8px; font-size: 12px; color: var(--fgColor-muted, #59636e); }
.sb-state p { margin: 0; }
.sb-state-title { color: var(--fgColor-default, #1f2328); font-weight: 600; font-size: 14px; }
.sb-skeleton { width: 100%; border-radius: var(--borderRadius-medium, 6px); background: var(--bgColor-neutral-muted, #818b981f); }
@media (prefers-reduced-motion: no-preference) {
  .sb-skeleton { animation: sb-pulse 1.6s ease-in-out infinite; }
}
@keyframes sb-pulse { 50% { opacity: .5; } }

.sb-table-wrap { margin-top: 8px; max-height: 320px; overflow: auto; border: 1px solid var(--borderColor-default, #d1d9e0); border-radius: var(--borderRadius-medium, 6px); }
.sb-table { width: 100%; border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; }
.sb-table caption { text-align: left; padding: 4px 8px; color: var(--fgColor-muted, #59636e); }
.sb-table th, .sb-table td { padding: 4px 8px; text-align: left; border-top: 1px solid var(--borderColor-muted, #d1d9e0b3); white-space: nowrap; }
.sb-table th { font-weight: 600; background: var(--bgColor-muted, #f6f8fa); position: sticky; top: 0; }
.sb-table .sb-num { text-align: right; }
.sb-visually-hidden, .sb-table-wrap[data-hidden="true"] {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
}

.sb-menu { position: relative; }
.sb-menu-list {
  position: absolute; right: 0; top: calc(100% + 4px); z-index: 10; min-width: 160px;
  margin: 0; padding: 8px 0; list-style: none;
  background: var(--overlay-bgColor, var(--bgColor-default, #ffffff));
  border: 1px solid var(--borderColor-default, #d1d9e0);
  border-radius: var(--borderRadius-large, 12px);
  box-shadow: var(--shadow-floating-small, 0 6px 12px -3px #25292e0a, 0 6px 18px 0 #25292e1f);
}
.sb-menu-item {
  display: block; width: calc(100% - 16px); margin: 0 8px; padding: 6px 8px; text-align: left;
  font: inherit; font-size: 14px; color: var(--fgColor-default, #1f2328);
  background: none; border: 0; border-radius: var(--borderRadius-medium, 6px); cursor: pointer;
}
.sb-menu-item:hover, .sb-menu-item:focus-visible { background: var(--control-transparent-bgColor-hover, #818b981a); }

.sb-people { list-style: none; margin: 0; padding: 0; }
.sb-person { display: grid; grid-template-columns: 20px minmax(0, 1fr) auto; gap: 0 8px; align-items: center; padding: 4px 0; }
.sb-person + .sb-person { border-top: 1px solid var(--borderColor-muted, #d1d9e0b3); }
.sb-person-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 600; font-size: 12px; }
.sb-person-meta { grid-column: 2 / 4; display: flex; gap: 8px; align-items: center; font-size: 12px; color: var(--fgColor-muted, #59636e); font-variant-numeric: tabular-nums; }
.sb-avatar {
  width: 20px; height: 20px; border-radius: 50%; display: inline-flex; align-items: center; justify-content: center;
  font-size: 10px; font-weight: 600; color: var(--fgColor-muted, #59636e);
  background: var(--bgColor-neutral-muted, #818b981f); box-shadow: 0 0 0 1px var(--avatar-borderColor, #1f232826);
}
.sb-add { color: var(--fgColor-success, #1a7f37); }
.sb-del { color: var(--fgColor-danger, #d1242f); }
.sb-sparkline { display: block; color: var(--fgColor-success, #1a7f37); flex: none; }
.sb-counter {
  display: inline-block; min-width: 20px; padding: 0 6px; font-size: 12px; font-weight: 500; line-height: 18px; text-align: center;
  color: var(--fgColor-default, #1f2328); background: var(--bgColor-neutral-muted, #818b981f);
  border: 1px solid var(--counter-borderColor, transparent); border-radius: 2em;
}
.sb-check { display: inline-flex; align-items: center; gap: 4px; font-size: 12px; color: var(--fgColor-muted, #59636e); cursor: pointer; }
`;
// The explanation of a headline number shows under it while it has keyboard focus.
const STAT_FOCUS_CSS = /* css */ `
.sb-stat:focus-visible .sb-why {
  position: static !important; width: auto; height: auto; margin: 0; overflow: visible;
  clip: auto; white-space: normal;
}
.sb-stat:focus-visible { outline-offset: 2px; }
`;

export const KIT_CSS = BASE_CSS + STAT_FOCUS_CSS;
