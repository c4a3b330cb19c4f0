import { useState } from 'preact/hooks';

interface SignInFormProps {
  /** Set when the key in use was just rejected by the API. */
  keyRejected: boolean;
  onSignIn: (apiKey: string) => void;
}

export function SignInForm({ keyRejected, onSignIn }: SignInFormProps) {
  const [apiKey, setApiKey] = useState('');

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const trimmed = apiKey.trim();
    if (trimmed) onSignIn(trimmed);
  };

  return (
    <form class="panel sign-in" onSubmit={submit}>
      <h1>Sign in</h1>
      {keyRejected && (
        <p class="error-message" role="alert">
          The API did not accept that key. Paste it again.
        </p>
      )}
      <p>
        Paste the bootstrap API key printed by <code>./scripts/run.sh</code>. This browser keeps it, so you are asked
        once.
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
      <button type="submit">Sign in</button>
    </form>
  );
}
