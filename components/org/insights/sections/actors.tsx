import { drillFromActor } from '../drill';
import type { InsightsActor } from '../../../../utils/protocol';
import { useListPages } from '../useListPages';
import { actorColumns } from '../columns';
import { DrillSection } from './DrillSection';
import type { OrgSectionProps } from './types';

/** One user: their totals, their requests over time and the tokens and apps they used. */
export function ActorsSection(props: OrgSectionProps) {
  const { client, target, drill, choice, utc, view, go } = props;
  if (drill.level !== 'user') throw new Error('ActorsSection needs a user');
  const { user } = drill;
  const pages = useListPages<InsightsActor>(client, target, drill, choice.window, view('actors'));
  const columns = actorColumns(utc, (row) => {
    const next = drillFromActor(row, user);
    return next ? () => go(next) : null;
  });
  return (
    <DrillSection
      id="actors"
      props={props}
      scope={{ type: 'user', userId: user.id }}
      title={<>Requests by {user.name}</>}
      intro={<>User ID {user.id}. Choose a token or app to see the routes it called.</>}
      subject={`${target.org}-${user.name}`}
      pages={pages}
      columns={columns}
      listTitle="Tokens and apps"
      caption={`Tokens and apps ${user.name} made requests with in this window`}
      filterLabel="Filter tokens and apps by name"
      emptySentence={(filter) => `No token or app name contains “${filter}” in this window.`}
    />
  );
}
