import { Section } from '../../../kit';
import { useTimeSeries } from '../useTimeSeries';
import { DELAY_SENTENCE } from '../labels';
import { TimeView } from '../TimeView';
import type { OrgSectionProps } from './types';

/** The organization's requests and rate-limited requests over the window. */
export function TimeSection({ client, target, choice, utc, increment }: OrgSectionProps) {
  const { snapshot, retry, fellBackFrom } = useTimeSeries(client, target, { type: 'org' }, choice.window, increment);
  return (
    <Section id="time" title="Requests over time" snapshot={snapshot} onRetry={retry} bodyHeight={240} sentences={{ empty: DELAY_SENTENCE }}>
      {(data) => (
        <TimeView
          data={data}
          fromMs={choice.window.fromMs}
          toMs={choice.window.toMs}
          utc={utc}
          fellBackFrom={fellBackFrom}
          section="time"
          subject={target.org}
        />
      )}
    </Section>
  );
}
