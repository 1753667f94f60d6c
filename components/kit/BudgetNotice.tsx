import { budgetNotice } from '../../utils/metrics/budget';
import type { RateLimitInfo } from '../../utils/protocol';
import type { StatboardClient } from '../../utils/statboardClient';
import { useNow } from './time';
import { useQuery } from './useQuery';

/**
 * GitHub's budget said plainly when it is near or at its end: how many requests are left, when
 * they come back (local time), that a token raises the limit, and a button to the token field.
 * Nothing while the budget is healthy. The rate-limit query is free (the engine answers from the
 * headers it has seen; `GET /rate_limit` does not count).
 */
export function BudgetNotice({ client, host, tokenButton = true }: { client: StatboardClient; host: string; tokenButton?: boolean }) {
  const { snapshot } = useQuery(client, { kind: 'rate-limit', host });
  // Re-read now and then: the notice goes away by itself at the reset.
  const now = useNow(true, 15_000);
  const notice = budgetNotice(snapshot.data as RateLimitInfo | undefined, now);
  if (!notice) return null;
  return (
    <div class="sb-flash sb-budget" data-budget={notice.level} data-tone={notice.level === 'spent' ? 'danger' : 'attention'} role="status">
      <p>
        <strong>{notice.level === 'spent' ? "GitHub's request limit is reached." : "GitHub's request limit is near."}</strong> {notice.left}
      </p>
      <p data-budget-reset>{notice.back}</p>
      {notice.token ? (
        <p>
          {notice.token}{' '}
          {tokenButton ? (
            <button type="button" class="sb-btn sb-btn-sm" data-action="add-token" onClick={() => void client.command({ type: 'options.open', section: 'token' })}>
              Add a token
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
