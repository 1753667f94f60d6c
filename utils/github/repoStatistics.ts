import * as v from 'valibot';
import { contributorOf, readContributors } from './contributorsAnswer';
import { count, int, saneSeconds, weekSeconds, type ParseResult } from './schemaParts';

/**
 * The repository statistics, one row each, in display order. Everything else derives from this
 * table: the query's `stat` picklist (protocolSchemas.ts REPO_STATS), the request (endpoints.ts:
 * the path template, type-checked there against GitHub's OpenAPI paths), the answer's validation
 * and shape (schemas.ts parseAnswer; contract.ts checks each schema against the path's documented
 * 200 body), the data type (protocol.ts RepoStatData), the preference and its default
 * (settings.ts repoSections) and the words (options page, error sentences). Adding a statistic
 * means one row here and one section file (docs/architecture.md lists the files).
 *
 * Row fields:
 * - `path`: GitHub's GET path template
 * - `title`: the section's heading and the options page's checkbox label
 * - `name`: the same in a sentence ("GitHub is still computing punch card")
 * - `shownByDefault`: the preference's default
 * - in REPO_STATISTIC_ENDPOINTS below: `answer`, the valibot schema of the 200 answer, and `shape`,
 *   which turns it into the protocol's data; optionally `read`, a hand-written check and shape in
 *   one pass with the same verdict and result (for answers too big for valibot's checked copy)
 */

const commitActivity = v.array(v.object({ week: saneSeconds, total: count, days: v.pipe(v.array(count), v.length(7)) }));
const codeFrequency = v.array(v.tuple([saneSeconds, int, int]));
const punchCard = v.array(v.tuple([v.pipe(int, v.minValue(0), v.maxValue(6)), v.pipe(int, v.minValue(0), v.maxValue(23)), count]));
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

export const REPO_STATISTICS = {
  'commit-activity': {
    title: 'Commit activity',
    shownByDefault: true,
  },
  'code-frequency': {
    title: 'Code frequency',
    shownByDefault: true,
  },
  contributors: {
    title: 'Contributors',
    shownByDefault: true,
  },
  participation: {
    title: 'Participation',
    shownByDefault: true,
  },
  'punch-card': {
    title: 'Punch card',
    shownByDefault: true,
  },
} as const;

/**
 * Each statistic's request and answer: GitHub's path, the answer's schema and the shape it takes.
 * Same rows, kept apart from the words above so that a panel, which reads only a row's title,
 * bundles neither the schemas (2.5 KB gzip) nor the paths.
 */
export const REPO_STATISTIC_ENDPOINTS = {
  'commit-activity': {
    path: '/repos/{owner}/{repo}/stats/commit_activity',
    answer: commitActivity,
    shape: (weeks: v.InferOutput<typeof commitActivity>) => weeks.map((w) => ({ week: w.week, total: w.total, days: w.days })),
  },
  'code-frequency': {
    path: '/repos/{owner}/{repo}/stats/code_frequency',
    answer: codeFrequency,
    // Deletions come negative; the protocol carries them as a positive count.
    shape: (rows: v.InferOutput<typeof codeFrequency>) => rows.map(([week, additions, deletions]) => ({ week, additions, deletions: Math.abs(deletions) })),
  },
  contributors: {
    path: '/repos/{owner}/{repo}/stats/contributors',
    answer: contributors,
    shape: normalizeContributors,
    // 100 people x 800 weeks: valibot's copy of 80,000 week objects was most of a cold visit's wait.
    read: readContributors,
  },
  participation: {
    path: '/repos/{owner}/{repo}/stats/participation',
    answer: participation,
    shape: (p: v.InferOutput<typeof participation>) => ({ all: p.all, owner: p.owner }),
  },
  'punch-card': {
    path: '/repos/{owner}/{repo}/stats/punch_card',
    answer: punchCard,
    shape: (cells: v.InferOutput<typeof punchCard>) => cells.map(([day, hour, commits]) => ({ day, hour, commits })),
  },
} as const satisfies Record<
  RepoStatisticId,
  { path: string; answer: v.GenericSchema; shape: (parsed: never) => unknown; read?: (body: unknown) => ParseResult }
>;

export type RepoStatistics = typeof REPO_STATISTICS;
export type RepoStatisticId = keyof RepoStatistics;

/** The data a statistic's query resolves to (protocol.ts RepoStatData). */
export type RepoStatisticData<S extends RepoStatisticId> = ReturnType<(typeof REPO_STATISTIC_ENDPOINTS)[S]['shape']>;

/** The statistic ids in display order, as the tuple valibot's picklist takes. */
export const REPO_STATISTIC_IDS = Object.keys(REPO_STATISTICS) as [RepoStatisticId, ...RepoStatisticId[]];

/** Columnar contributors: one shared, sorted week axis; every contributor aligned to it. */
function normalizeContributors(rows: v.InferOutput<typeof contributors>) {
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
      return contributorOf(row.author, row.total, { commits, additions, deletions });
    }),
  };
}
