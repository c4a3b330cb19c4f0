/** How this browser proves who it is: the session cookie (plus its anti-forgery token), or a pasted API key. */
export type Credential = { kind: 'session'; csrfToken: string } | { kind: 'api-key'; apiKey: string };

/** The headers a request carries for the credential; the cookie itself is sent by the browser. */
export function credentialHeaders(credential: Credential | null): Record<string, string> {
  if (!credential) return {};
  return credential.kind === 'api-key'
    ? { Authorization: `Bearer ${credential.apiKey}` }
    : { 'X-Switchboard-Csrf': credential.csrfToken };
}

/** Why the emailed link did not sign the agent in, from `/sign-in?error=…`. */
export function signInErrorMessage(code: string | null): string | null {
  switch (code) {
    case null:
    case '':
      return null;
    case 'expired':
      return 'That sign-in link has expired (links last 15 minutes). Ask for a new one below.';
    case 'used':
      return 'That sign-in link was already used (each link works once). Ask for a new one below.';
    case 'disabled':
      return 'This account is disabled. Ask an admin of your team.';
    default:
      return 'That sign-in link is not valid. Ask for a new one below.';
  }
}
