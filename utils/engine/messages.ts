import * as v from 'valibot';
import { ACTOR_TYPES, REPO_STATS, VISIBILITIES, type ClientMessage } from '../protocol';

/**
 * The shapes the background accepts on its port. Anything else is ignored before use; the
 * finer GitHub rules (names, timestamps, sorts) are applied again when the URL is built.
 */

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const host = v.pipe(v.string(), v.minLength(1), v.maxLength(253));

const scope = v.variant('type', [
  v.strictObject({ type: v.literal('org') }),
  v.strictObject({ type: v.literal('user'), userId: text(20) }),
  v.strictObject({ type: v.literal('actor'), actorType: v.picklist(ACTOR_TYPES), actorId: v.pipe(v.number(), v.safeInteger()) }),
]);

export const QuerySchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('repo-stats'),
    host,
    owner: text(39),
    repo: text(100),
    stat: v.picklist(REPO_STATS),
    pushedAt: v.optional(text(30)),
  }),
  v.strictObject({ kind: v.literal('org-repos'), host, org: text(39) }),
  v.strictObject({
    kind: v.literal('org-insights'),
    host,
    org: text(39),
    report: v.picklist(['summary', 'time', 'subjects', 'user-actors', 'routes']),
    scope,
    minTimestamp: text(20),
    maxTimestamp: text(20),
    increment: v.optional(text(8)),
    page: v.optional(v.pipe(v.number(), v.safeInteger())),
    perPage: v.optional(v.pipe(v.number(), v.safeInteger())),
    direction: v.optional(v.picklist(['asc', 'desc'])),
    sort: v.optional(v.pipe(v.array(text(40)), v.maxLength(6))),
    filter: v.optional(text(100)),
  }),
  v.strictObject({ kind: v.literal('rate-limit'), host }),
]);

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

export const ClientMessageSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('watch'),
    id,
    query: QuerySchema,
    priority: v.optional(v.picklist(['interactive', 'background'])),
    visibility: v.optional(v.picklist(VISIBILITIES)),
  }),
  v.strictObject({ type: v.literal('visibility'), id, visibility: v.picklist(VISIBILITIES) }),
  v.strictObject({ type: v.literal('unwatch'), id }),
  v.strictObject({ type: v.literal('retry'), id }),
]);

export function parseClientMessage(raw: unknown): ClientMessage | null {
  const parsed = v.safeParse(ClientMessageSchema, raw);
  return parsed.success ? (parsed.output as ClientMessage) : null;
}
