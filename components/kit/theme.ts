import { useEffect, useState } from 'preact/hooks';

/**
 * Chart colours from the host page's Primer variables. Canvas cannot use `var(...)`, so the
 * values are read with getComputedStyle and re-read when GitHub switches theme.
 */
export interface ThemeColors {
  text: string;
  muted: string;
  grid: string;
  background: string;
  accent: string;
  success: string;
  danger: string;
  /** neutral bars, "everyone else" */
  neutral: string;
  /** heatmap: empty cell and the strongest cell */
  heatEmpty: string;
  heatFull: string;
}

// Primer light defaults (used when the page defines no variables, e.g. an old GHES).
const VARIABLES: Record<keyof ThemeColors, [string[], string]> = {
  text: [['--fgColor-default'], '#1f2328'],
  muted: [['--fgColor-muted'], '#59636e'],
  grid: [['--borderColor-muted'], '#d1d9e0b3'],
  background: [['--bgColor-default'], '#ffffff'],
  accent: [['--bgColor-accent-emphasis', '--fgColor-accent'], '#0969da'],
  success: [['--bgColor-success-emphasis', '--fgColor-success'], '#1f883d'],
  danger: [['--bgColor-danger-emphasis', '--fgColor-danger'], '#cf222e'],
  neutral: [['--bgColor-neutral-emphasis', '--fgColor-muted'], '#59636e'],
  heatEmpty: [['--contribution-default-bgColor-0', '--bgColor-neutral-muted'], '#eff2f5'],
  heatFull: [['--contribution-default-bgColor-4', '--bgColor-success-emphasis'], '#116329'],
};

export function readThemeColors(root: Element = document.documentElement): ThemeColors {
  const style = getComputedStyle(root);
  const out = {} as ThemeColors;
  for (const [key, [names, fallback]] of Object.entries(VARIABLES) as [keyof ThemeColors, [string[], string]][]) {
    let value = '';
    for (const name of names) {
      value = style.getPropertyValue(name).trim();
      if (value) break;
    }
    out[key] = value || fallback;
  }
  return out;
}

const THEME_ATTRIBUTES = ['data-color-mode', 'data-light-theme', 'data-dark-theme', 'class', 'style'];

/** Calls `onChange` whenever the page's theme may have changed; returns the stop function. */
export function observeTheme(onChange: () => void): () => void {
  // The re-reads of the latest change only: each change clears the pair still pending, so stop()
  // always holds every live handle.
  let timers: ReturnType<typeof setTimeout>[] = [];
  const fire = () => {
    onChange();
    timers.forEach(clearTimeout);
    // GitHub loads a theme's stylesheet on demand: read again once it has applied.
    timers = [setTimeout(onChange, 150), setTimeout(onChange, 800)];
  };
  const observer = new MutationObserver(fire);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: THEME_ATTRIBUTES });
  const media = matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', fire);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', fire);
    timers.forEach(clearTimeout);
  };
}

function same(a: ThemeColors, b: ThemeColors): boolean {
  return (Object.keys(a) as (keyof ThemeColors)[]).every((k) => a[k] === b[k]);
}

// One reading of the page's colours and one theme observer per page, shared by every chart of
// every panel (each chart used to read getComputedStyle and observe the theme on its own).
let pageColors: ThemeColors | undefined;
const listeners = new Set<(colors: ThemeColors) => void>();
let stopObserving: (() => void) | undefined;

function followTheme(listener: (colors: ThemeColors) => void): () => void {
  listeners.add(listener);
  stopObserving ??= observeTheme(() => {
    const next = readThemeColors();
    if (pageColors && same(pageColors, next)) return;
    pageColors = next;
    listeners.forEach((notify) => notify(next));
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size) return;
    stopObserving?.();
    // Nobody follows the theme any more: the next chart reads it afresh.
    stopObserving = pageColors = undefined;
  };
}

/** The page's current chart colours; a new object only when a colour really changed. */
export function useThemeColors(): ThemeColors {
  const [colors, setColors] = useState(() => (pageColors ??= readThemeColors()));
  useEffect(() => followTheme(setColors), []);
  return colors;
}

/** `#rrggbb`/`#rgb`/`rgb()` with an alpha (0-1); other formats are returned unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})([0-9a-f]{2})?$/i.exec(color.trim());
  if (hex?.[1]) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(color.trim());
  if (rgb) return `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${alpha})`;
  return color;
}
