import { useMemo } from 'preact/hooks';
import { Stat } from '../kit';
import { headlineStats, type HeadlineInputs } from './headlineStats';

/**
 * The row of headline numbers; always rendered (dashes while loading) so its height is fixed.
 * Recomputed only when one of its inputs changes: the panel re-renders for every section's answer,
 * and the contributors' concentration of a big repository is not free.
 */
export function Headline({ commitActivity, punchCard, contributors, status = {} }: HeadlineInputs) {
  const { commitActivity: a, punchCard: p, contributors: c } = status;
  const stats = useMemo(
    () => headlineStats({ commitActivity, punchCard, contributors, status: { commitActivity: a, punchCard: p, contributors: c } }),
    [commitActivity, punchCard, contributors, a, p, c],
  );
  return (
    <dl class="sb-headline" aria-label="Highlights">
      {stats.map((stat) => (
        <Stat key={stat.id} stat={stat.id} label={stat.label} value={stat.value} why={stat.why} pending={stat.pending} />
      ))}
    </dl>
  );
}
