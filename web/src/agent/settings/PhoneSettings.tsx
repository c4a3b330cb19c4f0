import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiError } from '../../shared/api/problem.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { notificationSettingsQuery, putContact, putRules, verifyContact, type PhoneChannel } from '../api/phone.ts';
import { useApi } from '../session/session.tsx';

const channelNames: Record<PhoneChannel, string> = { sms: 'SMS', voice: 'Voice call' };

/** My phone numbers for pages (each verified by a texted code) and my notification rules ("SMS at once, call after 5 minutes"). */
export function PhoneSettings({ agentId }: { agentId: string }) {
  const api = useApi();
  const settings = useQuery(notificationSettingsQuery(api, agentId));
  // An API key is no agent of the team: it has no numbers of its own.
  if (settings.error instanceof ApiError && settings.error.status === 404) return <p class="panel">Sign in with your email to set phone numbers for pages.</p>;
  if (settings.isError) return <ErrorMessage error={settings.error} />;
  if (!settings.data) return null;
  const verified = settings.data.contacts.filter((c) => c.verified).map((c) => c.channel as PhoneChannel);
  return (
    <>
      <div class="panel" role="group" aria-label="My phone numbers">
        <h2>My phone numbers</h2>
        <p>Pages can also text or call you. Each number is verified by a code sent to it by SMS.</p>
        {(['sms', 'voice'] as const).map((channel) => (
          <ContactForm key={channel} agentId={agentId} channel={channel} contact={settings.data.contacts.find((c) => c.channel === channel)} />
        ))}
      </div>
      <RulesForm agentId={agentId} verified={verified} rules={settings.data.rules} />
    </>
  );
}

interface Contact {
  number: string;
  verified: boolean;
}

function ContactForm({ agentId, channel, contact }: { agentId: string; channel: PhoneChannel; contact: Contact | undefined }) {
  const api = useApi();
  const queries = useQueryClient();
  const [number, setNumber] = useState(contact?.number ?? '');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const refresh = () => queries.invalidateQueries({ queryKey: notificationSettingsQuery(api, agentId).queryKey });
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(null);
      await refresh();
    } catch (failure) {
      setError(failure);
    }
  };
  const name = channelNames[channel];
  return (
    <form class="phone-contact" aria-label={`${name} number`} onSubmit={(e) => { e.preventDefault(); void run(() => putContact(api, agentId, channel, number.trim())); }}>
      <label>
        {name} number
        <input type="tel" value={number} placeholder="+14155550100" onInput={(e) => setNumber(e.currentTarget.value)} />
      </label>
      <button type="submit">Send code</button>
      {contact && <span role="status">{contact.verified ? `${contact.number} is verified.` : `${contact.number} is not verified yet.`}</span>}
      {contact && !contact.verified && (
        <>
          <label>
            {name} code
            <input inputMode="numeric" value={code} onInput={(e) => setCode(e.currentTarget.value)} />
          </label>
          <button type="button" onClick={() => void run(() => verifyContact(api, agentId, channel, code.trim()))}>
            Verify {name}
          </button>
        </>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}

interface Rule {
  channel: PhoneChannel;
  afterMinutes: number;
}

function RulesForm({ agentId, verified, rules }: { agentId: string; verified: PhoneChannel[]; rules: { channel: string; afterMinutes: number }[] }) {
  const api = useApi();
  const queries = useQueryClient();
  const [draft, setDraft] = useState<Rule[]>(rules.map((r) => ({ channel: r.channel as PhoneChannel, afterMinutes: r.afterMinutes })));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const update = (index: number, change: Partial<Rule>) => setDraft(draft.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    try {
      await putRules(api, agentId, draft);
      setError(null);
      setSaved('Rules saved.');
      await queries.invalidateQueries({ queryKey: notificationSettingsQuery(api, agentId).queryKey });
    } catch (failure) {
      setSaved(null);
      setError(failure);
    }
  };
  return (
    <form class="panel" aria-label="My notification rules" onSubmit={submit}>
      <h2>My notification rules</h2>
      <p>After each page's email, unless it was acknowledged by then. A channel that fails falls through to the next rule.</p>
      {verified.length === 0 && <p>Verify a number first.</p>}
      <ol>
        {draft.map((rule, index) => (
          <li key={index}>
            <label>
              Rule {index + 1} channel
              <select value={rule.channel} onChange={(e) => update(index, { channel: e.currentTarget.value as PhoneChannel })}>
                <option value="sms">SMS</option>
                <option value="voice">Voice call</option>
              </select>
            </label>
            <label>
              Rule {index + 1} minutes after the page
              <input type="number" min={0} max={120} value={rule.afterMinutes} onInput={(e) => update(index, { afterMinutes: Number(e.currentTarget.value) })} />
            </label>
            <button type="button" onClick={() => setDraft(draft.filter((_, i) => i !== index))}>
              Remove rule {index + 1}
            </button>
          </li>
        ))}
      </ol>
      {error !== null && <ErrorMessage error={error} />}
      <div class="form-actions">
        {saved && <span role="status">{saved}</span>}
        <button type="button" disabled={verified.length === 0} onClick={() => setDraft([...draft, { channel: verified[0] ?? 'sms', afterMinutes: draft.length === 0 ? 0 : 5 }])}>
          Add rule
        </button>
        <button type="submit">Save rules</button>
      </div>
    </form>
  );
}
