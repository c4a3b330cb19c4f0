const storageKey = 'switchboard.apiKey';

/** The agent's API key, kept in this browser so it is asked for once. */
export const apiKeyStore = {
  read: (): string | null => localStorage.getItem(storageKey),
  save: (apiKey: string) => localStorage.setItem(storageKey, apiKey),
  forget: () => localStorage.removeItem(storageKey),
};
