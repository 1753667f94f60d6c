import { useEffect, useState } from 'preact/hooks';
import type { GitHubHost } from '../../utils/github/hosts';
import { missingGrants, onGrantsChanged, requestGrant } from '../../utils/account/hostGrant';

/** The hosts among `hosts` whose access the browser no longer grants (null while checking). */
export function useMissingGrants(hosts: readonly GitHubHost[]): GitHubHost[] | null {
  const [missing, setMissing] = useState<GitHubHost[] | null>(null);
  const key = hosts.map((h) => h.id).join(' ');
  useEffect(() => {
    let live = true;
    const check = () => void missingGrants(hosts).then((found) => live && setMissing(found));
    check();
    const stop = onGrantsChanged(check);
    return () => {
      live = false;
      stop();
    };
    // The host ids are the identity: a new array with the same hosts is no change.
  }, [key]);
  return missing;
}

/**
 * "Statboard cannot read github.com" with a button that asks for the access again. Shown by the
 * popup and the options page while a configured host's permission is withdrawn.
 */
export function HostAccessNotice({ hosts }: { hosts: readonly GitHubHost[] }) {
  const missing = useMissingGrants(hosts);
  const [refused, setRefused] = useState<string | null>(null);
  if (!missing || missing.length === 0) return null;
  return (
    <>
      {missing.map((host) => {
        // No await before requestGrant: the browser grants only from the click itself.
        const ask = () => {
          requestGrant(host).then(
            (granted) => setRefused(granted ? null : host.id),
            () => setRefused(host.id),
          );
        };
        return (
          <div key={host.id} class="sb-flash" data-tone="danger" data-host-access="missing" data-host={host.id} role="alert">
            <p>
              Statboard has no access to {host.id}: its repository and organization pages show no panel.
              {refused === host.id && ' The browser did not grant it.'}
            </p>
            <button type="button" class="sb-btn sb-btn-sm" onClick={ask}>
              Allow access to {host.id}
            </button>
          </div>
        );
      })}
    </>
  );
}
