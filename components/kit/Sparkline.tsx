/**
 * A small SVG trend line (no Chart.js instance per row: a list of 100 contributors stays light).
 * Decorative by default; pass `label` when the line is the only place the trend is told.
 */
export function Sparkline({
  values,
  width = 80,
  height = 20,
  label,
}: {
  values: readonly number[];
  width?: number;
  height?: number;
  label?: string;
}) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - 1 - (Math.max(0, v) / max) * (height - 2)).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      class="sb-sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
    >
      <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
    </svg>
  );
}
