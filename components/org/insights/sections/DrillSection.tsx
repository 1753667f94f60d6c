import type { ComponentChildren } from 'preact';
import { combineStates, type ListView } from '../queries';
import type { InsightsScope } from '../../../../utils/protocol';
import { useSummary } from '../useSummary';
import { useTimeSeries } from '../useTimeSeries';
import type { ListPages } from '../useListPages';
import { Section, SectionPart, type TableColumn } from '../../../kit';
import { DELAY_SENTENCE } from '../labels';
import { FilterBox, ListBody } from '../ListBody';
import { SummaryView } from '../SummaryView';
import { TimeView } from '../TimeView';
import { listState } from './listState';
import type { ListSection, OrgSectionProps } from './types';

/**
 * One user's or one actor's requests: their totals against the previous window, their
 * requests over time, and the list one level further down. Each part shows its own state; the
 * section's `data-state` is the one a user must act on first.
 */
export function DrillSection<T>({
  id,
  props,
  scope,
  title,
  intro,
  subject,
  pages,
  columns,
  listTitle,
  caption,
  filterLabel,
  emptySentence,
}: {
  id: ListSection;
  props: OrgSectionProps;
  scope: InsightsScope;
  title: ComponentChildren;
  intro: ComponentChildren;
  /** names the export files */
  subject: string;
  pages: ListPages<T>;
  columns: readonly TableColumn<T>[];
  listTitle: string;
  caption: string;
  filterLabel: string;
  emptySentence: (filter: string) => string;
}) {
  const { client, target, choice, utc, increment, previousLabel, view, setView } = props;
  const summary = useSummary(client, target, scope, choice.window);
  const series = useTimeSeries(client, target, scope, choice.window, increment);
  const current = view(id);
  const onView = (next: ListView) => setView(id, next);
  const state = combineStates([summary.snapshot.state, series.snapshot.state, listState(pages.snapshot)]);
  return (
    <Section id={id} state={state} title={title}>
      <p class="sb-summary">{intro}</p>
      <SectionPart title="Totals" snapshot={summary.snapshot} onRetry={summary.retry} minHeight={72} sentences={{ empty: DELAY_SENTENCE }}>
        {(data) => <SummaryView data={data} previousLabel={previousLabel} section={`${id}-summary`} subject={subject} />}
      </SectionPart>
      <SectionPart title="Over time" snapshot={series.snapshot} onRetry={series.retry} minHeight={200} sentences={{ empty: DELAY_SENTENCE }}>
        {(data) => (
          <TimeView
            data={data}
            fromMs={choice.window.fromMs}
            toMs={choice.window.toMs}
            utc={utc}
            fellBackFrom={series.fellBackFrom}
            section={`${id}-time`}
            subject={subject}
            height={140}
          />
        )}
      </SectionPart>
      <div class="sb-part">
        <div class="sb-part-head">
          <h4 class="sb-part-title">{listTitle}</h4>
          <FilterBox label={filterLabel} view={current} onView={onView} />
        </div>
        <ListBody
          pages={pages}
          columns={columns}
          caption={caption}
          view={current}
          onView={onView}
          what={listTitle}
          emptySentence={current.filter ? emptySentence(current.filter) : DELAY_SENTENCE}
          section={id}
          subject={subject}
        />
      </div>
    </Section>
  );
}
