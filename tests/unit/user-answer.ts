import { readInfo } from '../../utils/github/client';
import type { SupportAnswer } from '../../utils/engine/types';

/** What the engine's `githubRequest` gives the token check for an HTTP answer to `GET /user`. */
export function userAnswer(status: number, headers: HeadersInit = {}, body: unknown = {}): SupportAnswer {
  const info = readInfo(new Response(null, { status, headers }));
  if (status >= 200 && status < 300) return { kind: 'ok', status, body, info };
  const message = (body as { message?: unknown } | null)?.message;
  return { kind: 'http-error', status, message: typeof message === 'string' ? message : `HTTP ${status}`, info };
}
