import { useState } from 'preact/hooks';

interface ApiKeyFormProps {
  /** Set when the key in use was just rejected by the API. */
  keyRejected: boolean;
  onSignIn: (apiKey: string) => void;
  onCancel: () => void;
}

/** For scripts and tests: sign in with an API key (or the bootstrap key printed by ./scripts/run.sh). */
export function ApiKeyForm({ keyRejected, onSignIn, onCancel }: ApiKeyFormProps) {
  const [apiKey, setApiKey] = useState('');

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const trimmed = apiKey.trim();
    if (trimmed) onSignIn(trimmed);
  };

  return (
    <form class="panel sign-in" onSubmit={submit}>
      <h1>Sign in with an API key</h1>
      {keyRejected && (
        <p class="error-message" role="alert">
          The API did not accept that key. Paste it again.
        </p>
      )}
      <p>
        Paste an API key, or the bootstrap key printed by <code>./scripts/run.sh</code>. This browser keeps it until you
        sign out.
      </p>
      <label for="api-key">API key</label>
      <input
        id="api-key"
        type="password"
        autocomplete="off"
        spellcheck={false}
        value={apiKey}
        onInput={(event) => setApiKey(event.currentTarget.value)}
        required
      />
      <button type="submit">Sign in</button>{' '}
      <button type="button" class="link-button" onClick={onCancel}>
        Sign in by email instead
      </button>
    </form>
  );
}
