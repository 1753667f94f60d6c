/**
 * "Draw what is seen", never in idle time (idle time is still the user's CPU): a chart, the
 * costly part (Chart.js takes 5-25 ms per chart here), is drawn only within DRAW_PX of the
 * viewport, so a warm page draws the first section's two charts and no more (the panel fetches
 * within 48 px too: RepoPanel SEEN_MARGIN_PX). Hidden tables wait until they are shown (DataTable).
 */
export const DRAW_PX = 48;

/**
 * Calls `run` once, when `element` comes within `margin` px of the viewport (a frame later at
 * the earliest). An observer per waiting element, let go once it was near: at most a panel's
 * few charts wait at a time.
 */
export function whenNear(element: Element, run: () => void, margin: number): () => void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      run();
    },
    { rootMargin: `${margin}px 0px` },
  );
  observer.observe(element);
  return () => observer.disconnect();
}

/** Whether an element is on screen or within `margin` px of it (one not laid out is not). */
export function isNear(element: Element, margin: number): boolean {
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return false;
  return rect.top < innerHeight + margin && rect.bottom > -margin;
}

/**
 * Calls `run` once `element` is within DRAW_PX of the viewport: now if it is (from a layout effect, before
 * the frame that shows it: a section that says it is ready never shows an empty chart area),
 * else when it comes near. Returns the cancel function. The read costs no extra layout: the
 * chart drawn right after reads the same layout.
 */
export function drawWhenNear(element: Element, run: () => void): () => void {
  if (!isNear(element, DRAW_PX)) return whenNear(element, run, DRAW_PX);
  run();
  return () => undefined;
}
