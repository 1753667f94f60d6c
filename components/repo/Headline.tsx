import { Stat } from '../kit';
import { headlineStats, type HeadlineInputs } from './headlineStats';

/** The row of headline numbers; always rendered (dashes while loading) so its height is fixed. */
export function Headline(inputs: HeadlineInputs) {
  return (
    <dl class="sb-headline" aria-label="Highlights">
      {headlineStats(inputs).map((stat) => (
        <Stat key={stat.id} stat={stat.id} label={stat.label} value={stat.value} why={stat.why} />
      ))}
    </dl>
  );
}
