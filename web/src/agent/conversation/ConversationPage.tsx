import './conversation.css';
import { useEffect, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { getConversation, type Conversation } from '../api/conversations.ts';
import { useApiGet } from '../session/session.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
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
  return (
    <>
      <ConversationHeader conversation={conversation} />
      <ol class="messages">
        {conversation.messages.map((message) => (
          <li key={message.id}>
            <MessageCard message={message} />
          </li>
        ))}
      </ol>
    </>
  );
}
