import * as v from 'valibot';
import type {
  CodeFrequencyWeek,
  CommitWeek,
  ContributorStats,
  OrgRepo,
  Participation,
  PunchCell,
  Query,
  RateLimitInfo,
} from '../protocol';
import { parseInsights, type InsightsSchemas } from './insightsSchemas';
import { count, int, run, saneSeconds, weekSeconds, type ParseResult } from './schemaParts';

export { LATEST_SECONDS, type ParseResult } from './schemaParts';

/**
 * Checks every GitHub answer before use and shapes it into the protocol's data types.
 * Unknown extra fields are allowed (GitHub adds fields); tolerance follows FACTS.md:
 * contributor weeks may carry `w` as a numeric string, `author` may be null.
 */

const commitActivity = v.array(
  v.object({ week: saneSeconds, total: count, days: v.pipe(v.array(count), v.length(7)) }),
);
const codeFrequency = v.array(v.tuple([saneSeconds, int, int]));
const punchCard = v.array(
  v.tuple([v.pipe(int, v.minValue(0), v.maxValue(6)), v.pipe(int, v.minValue(0), v.maxValue(23)), count]),
);
const participation = v.object({ all: v.array(count), owner: v.array(count) });
const contributors = v.array(
  v.object({
    author: v.nullable(
      v.object({
        login: v.string(),
        id: int,
        html_url: v.optional(v.string()),
        avatar_url: v.optional(v.string()),
        type: v.optional(v.string()),
      }),
    ),
    total: count,
    weeks: v.array(v.object({ w: weekSeconds, a: count, d: count, c: count })),
  }),
);

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
  commitActivity: typeof commitActivity;
  codeFrequency: typeof codeFrequency;
  contributors: typeof contributors;
  participation: typeof participation;
  punchCard: typeof punchCard;
  orgRepos: typeof orgRepos;
  rateLimit: typeof rateLimit;
  userAnswer: typeof userAnswer;
}

/** Validates and normalizes the 200 answer for a query. */
export function parseAnswer(query: Query, body: unknown): ParseResult {
  switch (query.kind) {
    case 'repo-stats':
      switch (query.stat) {
        case 'commit-activity':
          return run(commitActivity, body, (weeks): CommitWeek[] => weeks.map((w) => ({ week: w.week, total: w.total, days: w.days })));
        case 'code-frequency':
          return run(codeFrequency, body, (rows): CodeFrequencyWeek[] =>
            rows.map(([week, additions, deletions]) => ({ week, additions, deletions: Math.abs(deletions) })),
          );
        case 'contributors':
          return run(contributors, body, normalizeContributors);
        case 'participation':
          return run(participation, body, (p): Participation => ({ all: p.all, owner: p.owner }));
        case 'punch-card':
          return run(punchCard, body, (cells): PunchCell[] => cells.map(([day, hour, commits]) => ({ day, hour, commits })));
      }
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

/** Columnar contributors: one shared, sorted week axis; every contributor aligned to it. */
function normalizeContributors(rows: v.InferOutput<typeof contributors>): ContributorStats {
  const weekSet = new Set<number>();
  for (const row of rows) for (const w of row.weeks) weekSet.add(w.w);
  const weeks = [...weekSet].sort((a, b) => a - b);
  const index = new Map(weeks.map((w, i) => [w, i]));
  return {
    weeks,
    contributors: rows.map((row) => {
      const commits = new Array<number>(weeks.length).fill(0);
      const additions = new Array<number>(weeks.length).fill(0);
      const deletions = new Array<number>(weeks.length).fill(0);
      for (const w of row.weeks) {
        const i = index.get(w.w)!;
        commits[i] = (commits[i] ?? 0) + w.c;
        additions[i] = (additions[i] ?? 0) + w.a;
        deletions[i] = (deletions[i] ?? 0) + w.d;
      }
      const author = row.author;
      return {
        login: author?.login ?? null,
        id: author?.id ?? null,
        htmlUrl: author?.html_url ?? null,
        avatarUrl: author?.avatar_url ?? null,
        isBot: author ? author.type === 'Bot' || author.login.endsWith('[bot]') : false,
        total: row.total,
        commits,
        additions,
        deletions,
      };
    }),
  };
}
