import { render, type ComponentChild } from 'preact';
import { SPOT_CSS } from './anchor';

export interface MountedPanel {
  host: HTMLElement;
  /** renders nothing (unmounting charts and watches), then removes the host */
  unmount(): void;
}

/**
 * A host element with an OPEN shadow root (tests and the benchmark read into it) holding the
 * given styles and Preact tree. GitHub's Primer variables inherit through the shadow boundary;
 * its own styles do not leak in.
 */
export function mountPanel(options: {
  /** `repo` or `org`: set as `data-statboard-host` on the host element */
  name: string;
  css: string;
  insert: (host: HTMLElement) => void;
  tree: ComponentChild;
}): MountedPanel {
  const host = document.createElement('div');
  host.dataset.statboardHost = options.name;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = options.css + SPOT_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  options.insert(host);
  render(options.tree, container);
  let mounted = true;
  return {
    host,
    unmount() {
      if (!mounted) return;
      mounted = false;
      render(null, container);
      host.remove();
    },
  };
}
