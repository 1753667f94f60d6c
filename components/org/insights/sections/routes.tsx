import { kindLabel } from '../labels';
import type { InsightsRoute } from '../../../../utils/protocol';
import { useListPages } from '../useListPages';
import { routeColumns } from '../columns';
import { DrillSection } from './DrillSection';
import type { OrgSectionProps } from './types';

/** One actor (a token or an app): its totals, its requests over time and the routes it called. */
export function RoutesSection(props: OrgSectionProps) {
  const { client, target, drill, choice, utc, view } = props;
  if (drill.level !== 'actor') throw new Error('RoutesSection needs an actor');
  const { actor, user } = drill;
  const pages = useListPages<InsightsRoute>(client, target, drill, choice.window, view('routes'));
  return (
    <DrillSection
      id="routes"
      props={props}
      scope={{ type: 'actor', actorType: actor.type, actorId: actor.id }}
      title={<>Routes called by {actor.name}</>}
      intro={
        user ? (
          <>
            {kindLabel(actor.type)} (ID {actor.id}) used by {user.name}.
          </>
        ) : (
          <>
            {kindLabel(actor.type)} (ID {actor.id}). GitHub counts an app's requests as one actor, so its routes show directly.
          </>
        )
      }
      subject={`${target.org}-${actor.name}`}
      pages={pages}
      columns={routeColumns(utc)}
      listTitle="Routes"
      caption={`REST API routes ${actor.name} called in this window`}
      filterLabel="Filter routes"
      emptySentence={(filter) => `No route contains “${filter}” in this window.`}
    />
  );
}
