import { useEffect, useRef, useState } from 'preact/hooks';
import type { StatboardClient } from '../../utils/statboardClient';
import type { TokenStatus } from '../../utils/protocol';
import type { GitHubHost } from '../../utils/github/hosts';
import { parseToken, TOKEN_KIND_NAMES } from '../../utils/account/token';

const STATUS_TITLES: Record<TokenStatus['status'], string> = {
  valid: 'Token works',
  invalid: 'Token rejected',
  checking: 'Checking with GitHub…',
  missing: 'No token',
  unreachable: 'Could not reach GitHub',
};

const BACKGROUND_SILENT = 'Statboard’s background did not answer; reload this page.';

function StatusBox({ status }: { status: TokenStatus | null }) {
  const value = status?.status ?? 'checking';
  const tone = value === 'valid' ? 'success' : value === 'invalid' ? 'danger' : value === 'unreachable' ? 'attention' : 'accent';
  return (
    <div class="sb-flash sb-token-status" data-tone={tone} data-token-status={value} role="status" aria-live="polite">
      <p class="sb-token-title">{STATUS_TITLES[value]}</p>
      {status?.status === 'missing' && (
        <p>Without a token Statboard shows public repositories only, within GitHub’s 60 requests an hour.</p>
      )}
      {status?.status === 'valid' && (
        <ul class="sb-facts">
          {status.login && (
            <li>
              Signed in as <strong data-token-login>{status.login}</strong>
            </li>
          )}
          {status.kind && <li>{TOKEN_KIND_NAMES[status.kind].replace(/^./, (c) => c.toUpperCase())}</li>}
          {status.scopes && <li>Scopes: {status.scopes.length ? status.scopes.join(', ') : 'none'}</li>}
          <li>{status.expiresAt ? `Expires ${status.expiresAt.slice(0, 10)}` : 'No expiry date reported'}</li>
        </ul>
      )}
      {status?.message && status.status !== 'valid' && status.status !== 'missing' && <p>{status.message}</p>}
      {status?.warnings && status.warnings.length > 0 && (
        <ul class="sb-warnings" aria-label="Warnings">
          {status.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The token for one host. The field is uncontrolled and emptied the moment it is sent: the
 * token lives in the page only while it is typed, and the background answers with a
 * TokenStatus that never holds it.
 */
export function TokenSection({ client, hosts }: { client: StatboardClient; hosts: GitHubHost[] }) {
  const [hostId, setHostId] = useState('github.com');
  const [status, setStatus] = useState<TokenStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const host = hosts.find((h) => h.id === hostId) ?? hosts[0];

  // Preact's input types do not allow a text|password union, so the toggle sets the DOM type.
  useEffect(() => {
    if (field.current) field.current.type = shown ? 'text' : 'password';
  }, [shown]);

  useEffect(() => {
    if (!hosts.some((h) => h.id === hostId)) setHostId('github.com');
  }, [hosts, hostId]);

  // Opened from a panel's or the popup's "Add a token" (options.html#token): straight to the field.
  useEffect(() => {
    if (location.hash !== '#token' || !field.current) return;
    field.current.scrollIntoView({ block: 'center' });
    field.current.focus();
  }, []);

  useEffect(() => {
    let live = true;
    setStatus(null);
    client.command({ type: 'token.status', host: hostId }).then(
      (s) => live && setStatus(s),
      () => live && setStatus({ host: hostId, status: 'unreachable', message: BACKGROUND_SILENT }),
    );
    return () => {
      live = false;
    };
  }, [client, hostId]);

  const save = async (event: Event) => {
    event.preventDefault();
    const input = field.current;
    if (!input) return;
    const parsed = parseToken(input.value);
    if (!parsed.ok) {
      setError(parsed.error);
      input.focus();
      return;
    }
    input.value = '';
    setShown(false);
    setError(null);
    setBusy(true);
    setStatus({ host: hostId, status: 'checking' });
    try {
      setStatus(await client.command({ type: 'token.set', host: hostId, token: parsed.token }));
    } catch {
      setStatus({ host: hostId, status: 'unreachable', message: 'Statboard’s background did not answer; the token may not be saved. Reload this page.' });
    } finally {
      setBusy(false);
    }
  };

  const act = async (type: 'token.remove' | 'token.check') => {
    setBusy(true);
    // The old sentence and warnings belong to the old answer: they go while GitHub is asked.
    if (type === 'token.check') setStatus((s) => (s ? { ...s, status: 'checking', message: undefined, warnings: undefined } : s));
    try {
      setStatus(await client.command({ type, host: hostId }));
    } catch {
      setStatus({ host: hostId, status: 'unreachable', message: BACKGROUND_SILENT });
    } finally {
      setBusy(false);
    }
  };

  const hasToken = status !== null && status.status !== 'missing';
  return (
    <section class="sb-box" id="token" aria-labelledby="sb-token-title">
      <h2 id="sb-token-title">Token</h2>
      <p class="sb-muted sb-small">
        A personal access token lets Statboard read private repositories and organization API Insights, and raises GitHub’s limit
        to 5,000 requests an hour. It stays in this browser, is used only by Statboard’s background, and is sent only to {host?.apiBase ?? 'GitHub'}.
      </p>
      {hosts.length > 1 && (
        <label class="sb-field">
          <span>Host</span>
          <select class="sb-input" name="token-host" value={hostId} onChange={(e) => setHostId((e.target as HTMLSelectElement).value)}>
            {hosts.map((h) => (
              <option key={h.id} value={h.id}>
                {h.id}
              </option>
            ))}
          </select>
        </label>
      )}
      <StatusBox status={status} />
      <form class="sb-token-form" onSubmit={(e) => void save(e)} noValidate>
        <label for="sb-token-input">{hasToken ? 'Replace the token' : 'Personal access token'} for {hostId}</label>
        <div class="sb-row">
          <input
            ref={field}
            id="sb-token-input"
            class="sb-input sb-grow"
            name="token"
            type="password"
            autocomplete="off"
            spellcheck={false}
            autoCapitalize="off"
            placeholder="github_pat_… or ghp_…"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'sb-token-error' : 'sb-token-help'}
            onInput={() => error && setError(null)}
          />
          <button type="button" class="sb-btn" aria-pressed={shown} aria-controls="sb-token-input" onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
          </button>
          <button type="submit" class="sb-btn sb-btn-primary" disabled={busy}>
            Save
          </button>
        </div>
        {error ? (
          <p id="sb-token-error" class="sb-error" role="alert" data-token-error>
            {error}
          </p>
        ) : (
          <p id="sb-token-help" class="sb-muted sb-small">
            For organization API Insights use a fine-grained token with the organization permission “API Insights” (read). For private
            repositories: a fine-grained token with “Contents” (read) on them, or a classic token with the “repo” scope.
          </p>
        )}
      </form>
      {hasToken && (
        <div class="sb-row">
          <button type="button" class="sb-btn" disabled={busy} onClick={() => void act('token.check')}>
            Check again
          </button>
          <button type="button" class="sb-btn sb-btn-danger" disabled={busy} onClick={() => void act('token.remove')} data-remove-token>
            Remove token
          </button>
        </div>
      )}
    </section>
  );
}
