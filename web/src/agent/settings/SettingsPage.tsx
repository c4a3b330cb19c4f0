import { useQueryClient } from '@tanstack/preact-query';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api/problem.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { issueAgentCalendar, revokeAgentCalendar, updatePreferences } from '../api/settings.ts';
import { PagingSettings } from '../oncall/PagingSettings.tsx';
import { OutreachTemplateSettings } from './OutreachTemplateSettings.tsx';
import { PhoneSettings } from './PhoneSettings.tsx';
import { currentAgentKey, type CurrentAgent } from '../session/authApi.ts';
import { useApi, useCurrentAgent } from '../session/session.tsx';

/** /settings: my notification preference, my page webhook, my phone numbers and rules, my calendar feed; the team's outreach template. */
export function SettingsPage() {
  const me = useCurrentAgent();
  return (
    <section class="settings">
      <h1>My settings</h1>
      <NotificationSettings notify={me?.notifyNewConversations} />
      <PagingSettings />
      {me && <PhoneSettings agentId={me.id} />}
      <CalendarFeed agentId={me?.id ?? null} />
      {me && <OutreachTemplateSettings isAdmin={me.role === 'admin'} />}
    </section>
  );
}

function NotificationSettings({ notify }: { notify: boolean | null | undefined }) {
  const api = useApi();
  const queries = useQueryClient();
  const [checked, setChecked] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => setChecked(notify ?? null), [notify]);

  const change = async (value: boolean) => {
    setChecked(value);
    setSaved(null);
    try {
      const result = await updatePreferences(api, { notifyNewConversations: value });
      setChecked(result.notifyNewConversations);
      queries.setQueryData<CurrentAgent | null>(currentAgentKey, (me) => me && { ...me, notifyNewConversations: result.notifyNewConversations });
      setError(null);
      setSaved('Saved.');
    } catch (failure) {
      setChecked(!value);
      setError(failure);
    }
  };

  return (
    <form class="panel" aria-label="Notifications" onSubmit={(e) => e.preventDefault()}>
      <h2>Notifications</h2>
      {notify === null ? (
        <p>An API key has no notification preferences; sign in with your email to set them.</p>
      ) : (
        <label>
          <input
            type="checkbox"
            checked={checked ?? false}
            disabled={checked === null}
            onChange={(e) => void change(e.currentTarget.checked)}
          />{' '}
          Email me each new conversation (I can answer it from my mail client)
        </label>
      )}
      {saved && <span role="status">{saved}</span>}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}

function CalendarFeed({ agentId }: { agentId: string | null }) {
  const api = useApi();
  const [url, setUrl] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const issue = async () => {
    if (!agentId) return;
    try {
      const token = await issueAgentCalendar(api, agentId);
      setUrl(token?.url ?? null);
      setNote('Copy it now: it is shown once. A new link stops the old one.');
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  };
  const revoke = async () => {
    if (!agentId) return;
    try {
      await revokeAgentCalendar(api, agentId);
      setUrl(null);
      setNote('Your feed link no longer works.');
      setError(null);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) setNote('You have no feed link.');
      else setError(failure);
    }
  };

  return (
    <div class="panel" role="group" aria-label="My calendar feed">
      <h2>My calendar feed</h2>
      <p>A secret iCalendar link of my on-call shifts in every schedule, for Google Calendar, Outlook or Apple Calendar.</p>
      {url && <input type="text" readOnly aria-label="Calendar feed URL" value={url} onFocus={(e) => e.currentTarget.select()} />}
      {note && <p role="status">{note}</p>}
      {error !== null && <ErrorMessage error={error} />}
      <div class="form-actions">
        <button type="button" disabled={!agentId} onClick={() => void issue()}>
          {url ? 'Get a new link' : 'Get my feed link'}
        </button>
        <button type="button" disabled={!agentId} onClick={() => void revoke()}>
          Stop my feed
        </button>
      </div>
    </div>
  );
}
