// Imported as strings: Vite minifies them at build time (the content-script budget counts every byte).
import css from './panel.css?inline';
import extras from './panelExtras.css?inline';

/** The kit's styles, for `mountPanel({ css })`. Classes are prefixed `sb-`. */
export const KIT_CSS: string = css;

/**
 * Styles of kit parts only some panels draw (section parts, sorted and long tables):
 * added by the panels that draw them, so the repository panel's budget pays for none.
 */
export const KIT_EXTRAS_CSS: string = extras;
