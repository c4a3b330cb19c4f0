import './conversation.css';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { getConversation, type Conversation } from '../api/conversations.ts';
import { hasPendingDelivery } from '../api/replies.ts';
import { presenceText, type ConversationState } from '../api/toolkit.ts';
import { useAssignees } from '../assignees/useAssignees.ts';
import { CustomerPanel } from '../customers/CustomerPanel.tsx';
import { ConversationDrafts } from '../drafts/ConversationDrafts.tsx';
import { conversationHref } from '../routing.ts';
import { useApiGet } from '../session/session.tsx';
import { useCurrentAgent } from '../session/useCurrentAgent.ts';
import { ConversationHeader } from './ConversationHeader.tsx';
import { CallComposer } from './CallComposer.tsx';
import { ConversationToolbar } from './ConversationToolbar.tsx';
import { MessageCard } from './MessageCard.tsx';
import { NoteComposer } from './NoteComposer.tsx';
import { ReplyComposer } from './ReplyComposer.tsx';
import { usePresence } from './usePresence.ts';

/** How often the page looks again while a reply is still sending. */
const deliveryPollMs = 2000;

type Loaded = { conversation: Conversation } | { error: unknown } | null;

/** One conversation: header and toolbar, all its items in order, who else is here, and the reply and note boxes. */
export function ConversationPage({ id }: { id: string }) {
  const get = useApiGet();
  const [loaded, setLoaded] = useState<Loaded>(null);

  const load = useCallback(
    (signal?: AbortSignal) =>
      getConversation(get, id, signal).then(
        (conversation) => {
          // A conversation merged into another answers as that one: move to the surviving id, so writes use it too.
          if (conversation.id !== id) window.location.replace(conversationHref(conversation.id));
          setLoaded({ conversation });
        },
        (error: unknown) => {
          if (!isAbort(error)) setLoaded({ error });
        },
      ),
    [get, id],
  );

  useEffect(() => {
    const request = new AbortController();
    setLoaded(null);
    void load(request.signal);
    return () => request.abort();
  }, [load]);

  // A reply goes out within seconds of being accepted: look again until none is still sending.
  const sending = loaded !== null && 'conversation' in loaded && hasPendingDelivery(loaded.conversation.messages);
  useEffect(() => {
    if (!sending) return;
    const timer = setTimeout(() => void load(), deliveryPollMs);
    return () => clearTimeout(timer);
  }, [sending, loaded, load]);

  const changed = (state: ConversationState) =>
    setLoaded((current) =>
      current && 'conversation' in current ? { conversation: { ...current.conversation, ...state } } : current,
    );

  return (
    <section class="conversation">
      <a class="back-link" href="#/inbox">
        ← Inbox
      </a>
      {loaded === null && <p class="loading">Loading conversation…</p>}
      {loaded && 'error' in loaded && <ErrorMessage error={loaded.error} />}
      {loaded && 'conversation' in loaded && (
        <ConversationView conversation={loaded.conversation} onChanged={changed} onItemAdded={() => void load()} />
      )}
    </section>
  );
}

interface ViewProps {
  conversation: Conversation;
  onChanged: (state: ConversationState) => void;
  onItemAdded: () => void;
}

type ComposerTab = 'reply' | 'note' | 'call';

function ConversationView({ conversation, onChanged, onItemAdded }: ViewProps) {
  const assignees = useAssignees();
  const [tab, setTab] = useState<ComposerTab>('reply');
  const [drafting, setDrafting] = useState(false);
  const me = useCurrentAgent();
  const [draftsRevision, setDraftsRevision] = useState(0);
  const others = usePresence(conversation.id, drafting ? 'replying' : 'viewing');
  return (
    <div class="conversation-layout">
      <div class="conversation-main">
        <ConversationHeader conversation={conversation} />
        <ConversationToolbar conversation={conversation} assignees={assignees} onChanged={onChanged} />
        {others.length > 0 && (
          <p class="presence" role="status" aria-label="Who else is here">
            {presenceText(others).join(' · ')}
          </p>
        )}
        <ol class="messages">
          {conversation.messages.map((message) => (
            <li key={message.id}>
              <MessageCard message={message} conversationId={conversation.id} onChanged={onItemAdded} />
            </li>
          ))}
        </ol>
        <ConversationDrafts
          conversationId={conversation.id}
          version={conversation.version}
          me={me}
          revision={conversation.version * 1000 + draftsRevision}
          onSent={onItemAdded}
        />
        <div class="composer-tabs" role="tablist" aria-label="Write">
          <button type="button" role="tab" aria-selected={tab === 'reply'} onClick={() => setTab('reply')}>
            Reply
          </button>
          <button type="button" role="tab" aria-selected={tab === 'note'} onClick={() => setTab('note')}>
            Note
          </button>
          <button type="button" role="tab" aria-selected={tab === 'call'} onClick={() => setTab('call')}>
            Call
          </button>
        </div>
        {/* Both stay mounted so switching tabs never loses a draft. */}
        <div role="tabpanel" hidden={tab !== 'reply'}>
          <ReplyComposer
            conversationId={conversation.id}
            version={conversation.version}
            onDrafting={setDrafting}
            asDraft={me?.role === 'trainee'}
            onSent={me?.role === 'trainee' ? () => setDraftsRevision((n) => n + 1) : onItemAdded}
          />
        </div>
        <div role="tabpanel" hidden={tab !== 'note'}>
          <NoteComposer conversationId={conversation.id} assignees={assignees} onDrafting={setDrafting} onAdded={onItemAdded} />
        </div>
        <div role="tabpanel" hidden={tab !== 'call'}>
          <CallComposer conversationId={conversation.id} mayEmail={me?.role !== 'trainee'} onDrafting={setDrafting} onLogged={onItemAdded} />
        </div>
      </div>
      {/* Keyed by address, so it reloads when the conversation's customer is a different person. */}
      {conversation.customer.email && <CustomerPanel key={conversation.customer.email} email={conversation.customer.email} />}
    </div>
  );
}
