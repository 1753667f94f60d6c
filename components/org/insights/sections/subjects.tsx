import { drillFromSubject } from '../drill';
import { type ListView } from '../queries';
import type { InsightsSubject } from '../../../../utils/protocol';
import { useListPages } from '../useListPages';
import { subjectColumns } from '../columns';
import { DELAY_SENTENCE } from '../labels';
import { FilterBox, ListBody } from '../ListBody';
import { Section } from '../../../kit';
import { listState } from './listState';
import type { OrgSectionProps } from './types';

/** Who called the organization's API: users and apps, sorted and filtered by GitHub. */
export function SubjectsSection({ client, target, choice, utc, view, setView, go }: OrgSectionProps) {
  const current = view('subjects');
  const onView = (next: ListView) => setView('subjects', next);
  const pages = useListPages<InsightsSubject>(client, target, { level: 'org' }, choice.window, current);
  const columns = subjectColumns(utc, (row) => {
    const next = drillFromSubject(row);
    return next ? () => go(next) : null;
  });
  return (
    <Section
      id="subjects"
      state={listState(pages.snapshot)}
      title="Users and apps"
      actions={<FilterBox label="Filter users and apps by name" view={current} onView={onView} />}
    >
      <p class="sb-summary">
        Choose a user to see the tokens and apps they made requests with. An app is a single actor, so choosing one
        shows the routes it called.
      </p>
      <ListBody
        pages={pages}
        columns={columns}
        caption="Users and apps that made requests in this window"
        view={current}
        onView={onView}
        what="Users and apps"
        emptySentence={current.filter ? `No user or app name contains “${current.filter}” in this window.` : DELAY_SENTENCE}
        section="subjects"
        subject={target.org}
      />
    </Section>
  );
}
