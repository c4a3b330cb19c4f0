import './conversation.css';
import { useEffect, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { displayName, formatAddress, getConversation, type Conversation } from '../api/conversations.ts';
import { useApiGet } from '../session/session.tsx';
import { MessageCard } from './MessageCard.tsx';

type Loaded = { conversation: Conversation } | { error: unknown } | null;

/** One conversation, all its messages in order, read-only. */
export function ConversationPage({ id }: { id: string }) {
  const get = useApiGet();
  const [loaded, setLoaded] = useState<Loaded>(null);

  useEffect(() => {
    const request = new AbortController();
    setLoaded(null);
    getConversation(get, id, request.signal).then(
      (conversation) => setLoaded({ conversation }),
      (error: unknown) => {
        if (!isAbort(error)) setLoaded({ error });
      },
    );
    return () => request.abort();
  }, [get, id]);

  return (
    <section class="conversation">
      <a class="back-link" href="#/inbox">
        ← Inbox
      </a>
      {loaded === null && <p class="loading">Loading conversation…</p>}
      {loaded && 'error' in loaded && <ErrorMessage error={loaded.error} />}
      {loaded && 'conversation' in loaded && <ConversationView conversation={loaded.conversation} />}
    </section>
  );
}

function ConversationView({ conversation }: { conversation: Conversation }) {
  const { subject, status, mailbox, customer, participants, messages } = conversation;
  return (
    <>
      <header class="conversation-header">
        <h1>{subject || '(no subject)'}</h1>
        <p class="conversation-meta">
          <span class={`status status-${status}`}>{status}</span>
          <span>{formatAddress(customer)}</span>
          <span>to {mailbox}</span>
        </p>
        {participants.length > 0 && (
          <ul class="participants" aria-label="Participants">
            {participants.map((participant) => (
              <li key={participant.email} title={participant.email}>
                {displayName(participant)}
                {participant.flagged && <span class="flag">flagged</span>}
              </li>
            ))}
          </ul>
        )}
      </header>
      <ol class="messages">
        {messages.map((message) => (
          <li key={message.id}>
            <MessageCard message={message} />
          </li>
        ))}
      </ol>
    </>
  );
}
