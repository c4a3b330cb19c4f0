import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { sinkMailListQuery } from '../devmail/devMail.ts';
import { devMailHref } from '../routing.ts';
import { useApi } from './session.tsx';
import { requestSignInLink } from './authApi.ts';
import { signInErrorMessage } from './credentials.ts';

interface EmailSignInFormProps {
  /** The reason the last emailed link failed (from /sign-in?error=…). */
  linkError: string | null;
  onUseApiKey: () => void;
}

/** Passwordless sign-in: the agent's address, then "check your email" (with the dev mail view when there is one). */
export function EmailSignInForm({ linkError, onUseApiKey }: EmailSignInFormProps) {
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<unknown>(null);
  const api = useApi();
  // Only a local host lets this browser read the mail sink before sign-in: then the form points to it.
  const devMail = useQuery({ ...sinkMailListQuery(api), enabled: state === 'sent' }).isSuccess;
  const linkProblem = signInErrorMessage(linkError);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setState('sending');
    setError(null);
    try {
      await requestSignInLink(api, email.trim());
      setState('sent');
    } catch (failure) {
      setError(failure);
      setState('idle');
    }
  };

  if (state === 'sent') {
    return (
      <section class="panel sign-in" aria-labelledby="check-email">
        <h1 id="check-email">Check your email</h1>
        <p>
          If <strong>{email.trim()}</strong> belongs to an agent, a sign-in link is on its way. It works once, within 15
          minutes.
        </p>
        {devMail && (
          <p>
            Running locally? Outgoing mail goes to the mail sink: <a href={devMailHref}>open the dev mail view</a>.
          </p>
        )}
        <button type="button" class="link-button" onClick={() => setState('idle')}>
          Use another address
        </button>
      </section>
    );
  }

  return (
    <form class="panel sign-in" onSubmit={submit}>
      <h1>Sign in</h1>
      {linkProblem && (
        <p class="error-message" role="alert">
          {linkProblem}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <p>Enter your work address and we will email you a sign-in link.</p>
      <label for="sign-in-email">Email address</label>
      <input
        id="sign-in-email"
        type="email"
        autocomplete="email"
        value={email}
        onInput={(event) => setEmail(event.currentTarget.value)}
        required
      />
      <button type="submit" disabled={state === 'sending'}>
        Send me a sign-in link
      </button>{' '}
      <button type="button" class="link-button" onClick={onUseApiKey}>
        Use an API key instead
      </button>
    </form>
  );
}
