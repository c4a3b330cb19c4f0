import './conversation.css';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { getConversation, type Conversation } from '../api/conversations.ts';
import { hasPendingDelivery } from '../api/replies.ts';
import { useApiGet } from '../session/session.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { MessageCard } from './MessageCard.tsx';
import { ReplyComposer } from './ReplyComposer.tsx';

/** How often the page looks again while a reply is still sending. */
const deliveryPollMs = 2000;

type Loaded = { conversation: Conversation } | { error: unknown } | null;

/** One conversation, all its messages in order, and the reply composer. */
export function ConversationPage({ id }: { id: string }) {
  const get = useApiGet();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => setLoaded(null), [id]);

  useEffect(() => {
    const request = new AbortController();
    getConversation(get, id, request.signal).then(
      (conversation) => setLoaded({ conversation }),
      (error: unknown) => {
        if (!isAbort(error)) setLoaded({ error });
      },
    );
    return () => request.abort();
  }, [get, id, reloads]);

  // A reply goes out within seconds of being accepted: look again until none is still sending.
  const sending = loaded !== null && 'conversation' in loaded && hasPendingDelivery(loaded.conversation.messages);
  useEffect(() => {
    if (!sending) return;
    const timer = setTimeout(reload, deliveryPollMs);
    return () => clearTimeout(timer);
  }, [sending, loaded, reload]);

  return (
    <section class="conversation">
      <a class="back-link" href="#/inbox">
        ← Inbox
      </a>
      {loaded === null && <p class="loading">Loading conversation…</p>}
      {loaded && 'error' in loaded && <ErrorMessage error={loaded.error} />}
      {loaded && 'conversation' in loaded && <ConversationView conversation={loaded.conversation} onChanged={reload} />}
    </section>
  );
}

function ConversationView({ conversation, onChanged }: { conversation: Conversation; onChanged: () => void }) {
  return (
    <>
      <ConversationHeader conversation={conversation} />
      <ol class="messages">
        {conversation.messages.map((message) => (
          <li key={message.id}>
            <MessageCard message={message} conversationId={conversation.id} onChanged={onChanged} />
          </li>
        ))}
      </ol>
      <ReplyComposer conversationId={conversation.id} version={conversation.version} onSent={onChanged} />
    </>
  );
}
