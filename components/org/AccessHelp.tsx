import { usePanel } from '../kit';
import type { NoAccessReason } from '../../utils/protocol';

/** The one line shown in the collapsed header when the viewer cannot see API Insights. */
export function accessLine(reason: NoAccessReason | undefined): string {
  switch (reason) {
    case 'unsupported-host':
      return 'API Insights is not available on GitHub Enterprise Server';
    case 'no-token':
      return 'Needs a token with API Insights access';
    case 'bad-token':
      return 'GitHub rejected your token';
    default:
      return 'Your token cannot read this organization’s API Insights';
  }
}

function lead(reason: NoAccessReason | undefined, host: string, org: string, status: number | undefined): string {
  switch (reason) {
    case 'no-token':
      return `Statboard has no token for ${host}.`;
    case 'bad-token':
      return `GitHub rejected the token for ${host}: it may have expired or been revoked.`;
    case 'not-found':
      return `GitHub answered ${status ?? 404} (not found): ${org} may not use GitHub Enterprise Cloud, or the token cannot see its API Insights.`;
    default:
      return `GitHub refused the request (${status ?? 403}): the token or your role does not give access to ${org}’s API Insights.`;
  }
}

/** Exactly what access to API Insights needs, and where to fix it. */
export function AccessHelp({ reason, org, status }: { reason: NoAccessReason | undefined; org: string; status?: number }) {
  const { client, host } = usePanel();
  if (reason === 'unsupported-host') {
    return (
      <div class="sb-state sb-access">
        <p>API Insights is not available on GitHub Enterprise Server. It exists on github.com and GHE.com.</p>
      </div>
    );
  }
  return (
    <div class="sb-state sb-access">
      <p class="sb-state-title">{lead(reason, host, org, status)}</p>
      <p>Organization API Insights shows who calls an organization’s REST API. To see it you need all of:</p>
      <ul>
        <li>
          to be an <strong>organization owner</strong>, or to have a role with the <strong>View organization API insights</strong>{' '}
          permission;
        </li>
        <li>
          the organization on <strong>GitHub Enterprise Cloud</strong>;
        </li>
        <li>
          a <strong>fine-grained personal access token</strong> (or a GitHub App token) with the organization permission{' '}
          <strong>API Insights: read</strong>.
        </li>
      </ul>
      <button type="button" class="sb-btn" onClick={() => void client.command({ type: 'options.open' })} data-action="open-options">
        Open Statboard options
      </button>
    </div>
  );
}
