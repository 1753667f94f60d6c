import type * as v from 'valibot';
import type { components, operations, paths } from '@octokit/openapi-types';
import type { REPO_STATISTIC_ENDPOINTS, RepoStatisticId } from './repoStatistics';
import type { AnswerSchemas, UserAnswer } from './schemas';

/**
 * Compile-time conformance of Statboard's answer schemas (schemas.ts) with GitHub's OpenAPI
 * description, as typed by `@octokit/openapi-types` (the same description as the contract in
 * `../shared/github-api/stats-endpoints.openapi.json`). Type-only: nothing here is imported at
 * run time, so no bundle changes. Request paths, path and query parameters and media types are
 * checked where they are built (endpoints.ts `endpoint`).
 *
 * Two checks per answer, on the fields a schema reads (deeply, arrays and tuples included):
 * - `Accepts`: every value GitHub documents for those fields passes the schema's input type
 *   (int64 `bigint` aside: JSON has only numbers). A field we read that GitHub does not have
 *   becomes `{ notInGitHubSchema: name }` and fails.
 * - `Produces`: the schema's output, field by field, is a value GitHub documents for that field.
 *   One deliberate tolerance: a field GitHub marks optional may come out as `null` (a missing
 *   `last_request_timestamp` is normalized to null). Fields GitHub marks optional that we need
 *   are required by our schemas on purpose: a row without its counts is "not understood".
 *
 * A mismatch fails `npx tsc --noEmit -p .` with the field named in the message. To see it,
 * change a schema field's type (e.g. `total_request_count: v.string()` in `summary`), or rename
 * a field (`subject_ids`), and run tsc: the `Check<...>` line of that answer reports it.
 */

/**
 * The body GitHub documents for an operation's 200 answer. When there is none, a marker that no
 * schema matches (never would make every check pass vacuously).
 */
type Body<Op extends keyof operations, Media extends string = 'application/json'> = operations[Op] extends {
  responses: { 200: { content: infer C } };
}
  ? C extends { [M in Media]: infer B }
    ? B
    : { noDocumentedBody: [Op, Media] }
  : { noDocumentedBody: [Op, Media] };

type Primitive = string | number | boolean | null | undefined;
type ObjectPart<T> = Exclude<Extract<T, object>, readonly unknown[]>;
type ArrayPart<T> = Extract<T, readonly unknown[]>;

/** GitHub's type cut down to the fields `Ours` reads, each present, in JSON's terms. */
type Sent<Theirs, Ours> = Theirs extends bigint
  ? never
  : Theirs extends Primitive
    ? Theirs
    : Theirs extends readonly (infer Item)[]
      ? SentArray<Item, ArrayPart<Ours>>
      : { -readonly [K in keyof ObjectPart<Ours>]-?: K extends keyof Theirs
          ? Sent<Exclude<Theirs[K], undefined>, ObjectPart<Ours>[K]>
          : { notInGitHubSchema: K } };
type SentArray<Item, Ours> = Ours extends readonly [unknown, ...unknown[]]
  ? { -readonly [I in keyof Ours]: Sent<Item, Ours[I]> }
  : Sent<Item, Ours extends readonly (infer O)[] ? O : never>[];

/** What our output may hold for GitHub's type: its values, plus null where a field is optional. */
type Documented<Theirs, Ours> = Theirs extends Primitive | bigint
  ? Theirs
  : Theirs extends readonly (infer Item)[]
    ? DocumentedArray<Item, ArrayPart<Ours>>
    : { [K in keyof ObjectPart<Ours>]: K extends keyof Theirs
        ? undefined extends Theirs[K]
          ? Documented<Theirs[K], ObjectPart<Ours>[K]> | null
          : Documented<Theirs[K], ObjectPart<Ours>[K]>
        : { notInGitHubSchema: K } };
type DocumentedArray<Item, Ours> = Ours extends readonly [unknown, ...unknown[]]
  ? { [I in keyof Ours]: Documented<Item, Ours[I]> }
  : Documented<Item, Ours extends readonly (infer O)[] ? O : never>[];

type Accepts<S extends v.GenericSchema, Theirs> = Sent<Theirs, v.InferInput<S>>;
type Produces<S extends v.GenericSchema, Theirs> = Documented<Theirs, v.InferOutput<S>>;

/** Compiles only when `Actual` is assignable to `Expected`; tsc's message names the field. */
type Check<Expected, Actual extends Expected> = [Expected, Actual];

type S = AnswerSchemas;
type In<K extends keyof S> = v.InferInput<S[K]>;
type Out<K extends keyof S> = v.InferOutput<S[K]>;

/** The body GitHub documents for a GET path's 200 JSON answer (or a marker no schema matches). */
type BodyAt<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer B } } } } }
  ? B
  : { noDocumentedBody: P };

/**
 * Every row of the statistic table (repoStatistics.ts REPO_STATISTIC_ENDPOINTS) against the body its own path documents,
 * with the same two checks as above. A row that does not conform comes out as `{ accepts, produces }`
 * (the one that is not `true` holds what GitHub sends) and fails the `Check` below, named by its id.
 */
type StatisticConforms<S extends RepoStatisticId> = [Accepts<Row<S>['answer'], BodyAt<Row<S>['path']>>] extends [v.InferInput<Row<S>['answer']>]
  ? [v.InferOutput<Row<S>['answer']>] extends [Produces<Row<S>['answer'], BodyAt<Row<S>['path']>>]
    ? true
    : { produces: Produces<Row<S>['answer'], BodyAt<Row<S>['path']>> }
  : { accepts: Accepts<Row<S>['answer'], BodyAt<Row<S>['path']>> };
type Row<S extends RepoStatisticId> = (typeof REPO_STATISTIC_ENDPOINTS)[S];

export type RepositoryStatsConformance = Check<Record<RepoStatisticId, true>, { [S in RepoStatisticId]: StatisticConforms<S> }>;

/** The nine API Insights operations, each with the schema that reads its answer (parseInsights). */
export type ApiInsightsConformance = [
  Check<In<'summary'>, Accepts<S['summary'], Body<'api-insights/get-summary-stats'>>>,
  Check<Produces<S['summary'], Body<'api-insights/get-summary-stats'>>, Out<'summary'>>,
  Check<In<'summary'>, Accepts<S['summary'], Body<'api-insights/get-summary-stats-by-user'>>>,
  Check<Produces<S['summary'], Body<'api-insights/get-summary-stats-by-user'>>, Out<'summary'>>,
  Check<In<'summary'>, Accepts<S['summary'], Body<'api-insights/get-summary-stats-by-actor'>>>,
  Check<Produces<S['summary'], Body<'api-insights/get-summary-stats-by-actor'>>, Out<'summary'>>,
  Check<In<'timeStats'>, Accepts<S['timeStats'], Body<'api-insights/get-time-stats'>>>,
  Check<Produces<S['timeStats'], Body<'api-insights/get-time-stats'>>, Out<'timeStats'>>,
  Check<In<'timeStats'>, Accepts<S['timeStats'], Body<'api-insights/get-time-stats-by-user'>>>,
  Check<Produces<S['timeStats'], Body<'api-insights/get-time-stats-by-user'>>, Out<'timeStats'>>,
  Check<In<'timeStats'>, Accepts<S['timeStats'], Body<'api-insights/get-time-stats-by-actor'>>>,
  Check<Produces<S['timeStats'], Body<'api-insights/get-time-stats-by-actor'>>, Out<'timeStats'>>,
  Check<In<'subjects'>, Accepts<S['subjects'], Body<'api-insights/get-subject-stats'>>>,
  Check<Produces<S['subjects'], Body<'api-insights/get-subject-stats'>>, Out<'subjects'>>,
  Check<In<'actors'>, Accepts<S['actors'], Body<'api-insights/get-user-stats'>>>,
  Check<Produces<S['actors'], Body<'api-insights/get-user-stats'>>, Out<'actors'>>,
  Check<In<'routes'>, Accepts<S['routes'], Body<'api-insights/get-route-stats-by-actor'>>>,
  Check<Produces<S['routes'], Body<'api-insights/get-route-stats-by-actor'>>, Out<'routes'>>,
];

// The operations above answer with the components GitHub names for them.
export type InsightsComponents = [
  Check<components['schemas']['api-insights-summary-stats'], Body<'api-insights/get-summary-stats-by-actor'>>,
  Check<components['schemas']['api-insights-time-stats'], Body<'api-insights/get-time-stats-by-user'>>,
  Check<components['schemas']['api-insights-subject-stats'], Body<'api-insights/get-subject-stats'>>,
  Check<components['schemas']['api-insights-user-stats'], Body<'api-insights/get-user-stats'>>,
  Check<components['schemas']['api-insights-route-stats'], Body<'api-insights/get-route-stats-by-actor'>>,
];

/**
 * `GET /orgs/{org}/repos` (the organization activity's list). Not in the shared contract file
 * (that one holds the 14 endpoints the panels show), so this check against GitHub's own type
 * (`minimal-repository[]`) is what keeps the schema honest.
 */
export type OrgReposConformance = [
  Check<In<'orgRepos'>, Accepts<S['orgRepos'], Body<'repos/list-for-org'>>>,
  Check<Produces<S['orgRepos'], Body<'repos/list-for-org'>>, Out<'orgRepos'>>,
];

/** Support calls: `GET /rate_limit`, `GET /user` (the login), `commits/{ref}` as a bare sha. */
export type SupportConformance = [
  Check<In<'rateLimit'>, Accepts<S['rateLimit'], Body<'rate-limit/get'>>>,
  Check<Produces<S['rateLimit'], Body<'rate-limit/get'>>, Out<'rateLimit'>>,
  Check<UserAnswer, Sent<Body<'users/get-authenticated'>, UserAnswer>>,
  Check<string, Body<'repos/get-commit', 'application/vnd.github.sha'>>,
];
