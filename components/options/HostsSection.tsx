import { useState } from 'preact/hooks';
import type { StatboardClient } from '../../utils/statboardClient';
import { hostsItem, type HostSettings } from '../../utils/settings';
import type { GitHubHost } from '../../utils/github/hosts';
import {
  parseNewHost,
  requestHostPermission,
  revokeHostPermission,
  withHost,
  withoutHost,
  type HostKindChoice,
} from '../../utils/account/hostAccess';
import { useMissingGrants } from '../access/HostAccessNotice';

const KIND_NAMES = { dotcom: 'built in', 'ghe-com': 'GHE.com', ghes: 'Enterprise Server' } as const;

export function HostsSection({ client, settings, hosts }: { client: StatboardClient; settings: HostSettings; hosts: GitHubHost[] }) {
  const [kind, setKind] = useState<HostKindChoice>('ghe-com');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ tone: 'danger' | 'success'; text: string } | null>(null);
  const withdrawn = useMissingGrants(hosts);

  // No await before requestHostPermission: the browser grants only from the click itself.
  const add = (event: Event) => {
    event.preventDefault();
    const parsed = parseNewHost(name, kind, settings);
    if (!parsed.ok) {
      setMessage({ tone: 'danger', text: parsed.error });
      return;
    }
    const host = parsed.host;
    requestHostPermission(host)
      .then(async (granted) => {
        if (!granted) {
          setMessage({ tone: 'danger', text: `Statboard needs access to ${host.id} to show its statistics; the host was not added.` });
          return;
        }
        await hostsItem.setValue(withHost(await hostsItem.getValue(), host));
        setName('');
        setMessage({ tone: 'success', text: `${host.id} is added. Set a token for it above.` });
      })
      .catch(() => setMessage({ tone: 'danger', text: `Statboard could not add ${host.id}.` }));
  };

  const remove = async (host: GitHubHost) => {
    try {
      await client.command({ type: 'token.remove', host: host.id }).catch(() => undefined);
      await hostsItem.setValue(withoutHost(await hostsItem.getValue(), host.id));
      await revokeHostPermission(host);
      setMessage({ tone: 'success', text: `${host.id} and its token are removed.` });
    } catch {
      setMessage({ tone: 'danger', text: `Statboard could not fully remove ${host.id}.` });
    }
  };

  return (
    <section class="sb-box" aria-labelledby="sb-hosts-title">
      <h2 id="sb-hosts-title">GitHub hosts</h2>
      <ul class="sb-hosts">
        {hosts.map((host) => (
          <li key={host.id} data-host={host.id}>
            <span>
              <strong>{host.id}</strong> <span class="sb-muted sb-small">{KIND_NAMES[host.kind]} · API {host.apiBase}</span>
              {host.kind === 'ghes' && <span class="sb-muted sb-small sb-block">Enterprise Server has no organization API Insights.</span>}
              {withdrawn?.some((h) => h.id === host.id) && (
                <span class="sb-error sb-small sb-block" data-host-access-row="missing">
                  No access: the browser withdrew it (allow it again above).
                </span>
              )}
            </span>
            {host.kind !== 'dotcom' && (
              <button type="button" class="sb-btn sb-btn-sm sb-btn-danger" onClick={() => void remove(host)} aria-label={`Remove ${host.id}`}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <form class="sb-host-form" onSubmit={add} noValidate>
        <fieldset class="sb-choice">
          <legend>Add a host</legend>
          <label>
            <input type="radio" name="host-kind" value="ghe-com" checked={kind === 'ghe-com'} onChange={() => setKind('ghe-com')} /> GHE.com (NAME.ghe.com)
          </label>
          <label>
            <input type="radio" name="host-kind" value="ghes" checked={kind === 'ghes'} onChange={() => setKind('ghes')} /> GitHub Enterprise Server
          </label>
        </fieldset>
        <div class="sb-row">
          <label class="sb-visually-hidden" for="sb-host-input">
            {kind === 'ghe-com' ? 'GHE.com subdomain' : 'Server host name'}
          </label>
          <input
            id="sb-host-input"
            class="sb-input sb-grow"
            name="host"
            autocomplete="off"
            spellcheck={false}
            placeholder={kind === 'ghe-com' ? 'acme or acme.ghe.com' : 'github.example.com'}
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
          <button type="submit" class="sb-btn">
            Add host
          </button>
        </div>
        <p class="sb-muted sb-small">Your browser will ask to let Statboard read that host’s pages and API.</p>
      </form>
      {message && (
        <p class={message.tone === 'danger' ? 'sb-error' : 'sb-ok'} role={message.tone === 'danger' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
