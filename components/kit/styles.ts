// Imported as a string: Vite minifies it at build time (the content-script budget counts every byte).
import css from './panel.css?inline';

/** The kit's styles, for `mountPanel({ css })`. Classes are prefixed `sb-`. */
export const KIT_CSS: string = css;
