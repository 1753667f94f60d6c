import * as v from 'valibot';
import type { OrgRepo, Query, RateLimitInfo } from '../protocol';
import { parseInsights, type InsightsSchemas } from './insightsSchemas';
import { REPO_STATISTIC_ENDPOINTS, type RepoStatisticId } from './repoStatistics';
import { count, run, saneSeconds, type ParseResult } from './schemaParts';

export { LATEST_SECONDS, type ParseResult } from './schemaParts';

/**
 * Checks every GitHub answer before use and shapes it into the protocol's data types.
 * Unknown extra fields are allowed (GitHub adds fields); tolerance follows FACTS.md:
 * contributor weeks may carry `w` as a numeric string, `author` may be null.
 */

// `GET /orgs/{org}/repos`: only the fields the activity uses. Links are built from the host and
// the names, never from the answer's URLs.
const orgRepos = v.array(
  v.object({
    // GitHub's name limits: a longer name could not be asked about anyway.
    name: v.pipe(v.string(), v.maxLength(100)),
    owner: v.object({ login: v.pipe(v.string(), v.maxLength(39)) }),
    fork: v.boolean(),
    archived: v.optional(v.boolean(), false),
    pushed_at: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(40))), null),
  }),
);

const rateResource = v.object({ limit: count, remaining: count, reset: saneSeconds, used: v.optional(count) });
const rateLimit = v.object({
  resources: v.optional(v.object({ core: v.optional(rateResource) })),
  rate: v.optional(rateResource),
});

// `GET /user` (token checks): only the login, and only when it is short and plain; anything
// else is not trusted into the UI.
const userAnswer = v.object({ login: v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,39}(\[bot\])?$/)) });

/** The field of `GET /user` Statboard reads (checked against GitHub's types in contract.ts). */
export type UserAnswer = v.InferOutput<typeof userAnswer>;

/** The login of a `GET /user` answer, when it is one Statboard shows. */
export function loginOf(body: unknown): string | undefined {
  const parsed = v.safeParse(userAnswer, body);
  return parsed.success ? parsed.output.login : undefined;
}

/**
 * The schemas by the GitHub answer they read, for the compile-time checks against GitHub's own
 * types in `contract.ts` (type-only: nothing is added to a bundle).
 */
export interface AnswerSchemas extends InsightsSchemas {
  orgRepos: typeof orgRepos;
  rateLimit: typeof rateLimit;
  userAnswer: typeof userAnswer;
}

/** Validates and normalizes the 200 answer for a query. */
export function parseAnswer(query: Query, body: unknown): ParseResult {
  switch (query.kind) {
    case 'repo-stats':
      if (Object.hasOwn(REPO_STATISTIC_ENDPOINTS, query.stat)) return parseStatistic(query.stat, body);
      break;
    case 'org-insights':
      return parseInsights(query, body);
    case 'org-repos':
      return run(orgRepos, body, (rows): OrgRepo[] =>
        rows.map((r) => ({ name: r.name, owner: r.owner.login, fork: r.fork, archived: r.archived, pushedAt: r.pushed_at })),
      );
    case 'rate-limit':
      return parseRateLimit(body);
  }
  return { ok: false, issue: 'unknown query' };
}

/** `GET /rate_limit`: the core limit (`resources.core`, or the older top-level `rate`). */
export function parseRateLimit(body: unknown): ParseResult<RateLimitInfo> {
  const parsed = run(rateLimit, body, (r) => r.resources?.core ?? r.rate);
  if (!parsed.ok) return parsed;
  const core = parsed.data;
  if (!core) return { ok: false, issue: 'resources.core: missing' };
  return {
    ok: true,
    data: {
      limit: core.limit,
      remaining: core.remaining,
      used: core.used ?? core.limit - core.remaining,
      resetAt: core.reset * 1000,
      resource: 'core',
    },
  };
}

/** A repository statistic's answer, through its row of the statistic table. */
function parseStatistic(stat: RepoStatisticId, body: unknown): ParseResult {
  // Each row's schema and shape fit each other (tsc checks the rows, contract.ts checks them against GitHub).
  const row = REPO_STATISTIC_ENDPOINTS[stat] as { answer: v.GenericSchema; shape: (parsed: unknown) => unknown; read?: (body: unknown) => ParseResult };
  return row.read ? row.read(body) : run(row.answer, body, row.shape);
}
