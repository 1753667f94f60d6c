import { Section } from '../../../kit';
import { DELAY_SENTENCE } from '../labels';
import { SummaryView } from '../SummaryView';
import type { OrgSectionProps } from './types';

/** The organization's totals for the window, against the window before it. */
export function SummarySection({ target, orgSummary, previousLabel }: OrgSectionProps) {
  const { snapshot, retry } = orgSummary;
  return (
    <Section id="summary" title="Requests" snapshot={snapshot} onRetry={retry} bodyHeight={72} sentences={{ empty: DELAY_SENTENCE }}>
      {(data) => <SummaryView data={data} previousLabel={previousLabel} section="summary" subject={target.org} />}
    </Section>
  );
}
