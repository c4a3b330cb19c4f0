import './kb.css';
import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { QueryStatus } from '../../shared/ui/QueryStatus.tsx';
import { contactSettingsQuery, kbKey, saveContactSettings, type ContactSettings } from '../api/kb.ts';
import { useApi, useCurrentAgent } from '../session/session.tsx';
import { KbNav } from './KbNav.tsx';

/** `/knowledge-base/contact-form`: the hours and response time the contact page states, and the confirmation visitors get. */
export function ContactFormPage() {
  const settings = useQuery(contactSettingsQuery(useApi()));
  return (
    <section class="kb-page">
      <KbNav current="contact" />
      <h1>Contact form</h1>
      <QueryStatus error={settings.error} pending={settings.isPending} />
      {settings.data && <ContactSettingsForm settings={settings.data} />}
    </section>
  );
}

function ContactSettingsForm({ settings }: { settings: ContactSettings }) {
  const api = useApi();
  const queries = useQueryClient();
  const me = useCurrentAgent();
  const [fields, setFields] = useState(settings);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const set = (name: keyof ContactSettings) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [name]: value }));
    setSaved(false);
  };
  const readOnly = me?.role === 'trainee';
  return (
    <form
      class="kb-box kb-contact-settings"
      aria-label="Contact form settings"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        try {
          queries.setQueryData(contactSettingsQuery(api).queryKey, await saveContactSettings(api, fields));
          void queries.invalidateQueries({ queryKey: [...kbKey, 'site'] });
          setSaved(true);
        } catch (failure) {
          setError(failure);
        }
      }}
    >
      <label>
        Support hours <input value={fields.supportHours} readOnly={readOnly} onInput={set('supportHours')} />
      </label>
      <label>
        Expected response time <input value={fields.responseTime} readOnly={readOnly} onInput={set('responseTime')} />
      </label>
      <label>
        Confirmation subject <input value={fields.confirmationSubject} readOnly={readOnly} onInput={set('confirmationSubject')} />
      </label>
      <label for="kb-confirmation-body">Confirmation email</label>
      <textarea id="kb-confirmation-body" rows={10} value={fields.confirmationBody} readOnly={readOnly} onInput={set('confirmationBody')} />
      <p class="hint">
        Written by the team, sent to every visitor who writes in. <code>{'{{name}}'}</code>, <code>{'{{subject}}'}</code>,{' '}
        <code>{'{{supportHours}}'}</code> and <code>{'{{responseTime}}'}</code> are filled in.
      </p>
      {!readOnly && <button type="submit">Save contact form settings</button>}
      {saved && <p role="status">Saved; the contact page shows it once published.</p>}
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}
