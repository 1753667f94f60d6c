import { useId } from 'preact/hooks';

/**
 * A headline number with its label. The one-line explanation shows as a tooltip on hover
 * (`title`) and, on keyboard focus, below the number (and as the accessible description).
 */
export function Stat({ label, value, why, stat, pending }: { label: string; value: string; why: string; stat?: string; pending?: string }) {
  const id = useId();
  return (
    <div class="sb-stat" tabIndex={0} title={why} aria-describedby={id} data-stat={stat} data-pending={pending}>
      <dt>{label}</dt>
      <dd>
        {value}
        <span id={id} class="sb-why sb-visually-hidden">
          {why}
        </span>
      </dd>
    </div>
  );
}
