import './conversation.css';
import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { conversationQuery, conversationsKey, type Conversation } from '../api/conversations.ts';
import { draftsKey } from '../api/drafts.ts';
import { hasPendingDelivery } from '../api/replies.ts';
import { presenceText, type ConversationState } from '../api/toolkit.ts';
import { useAssignees } from '../assignees/useAssignees.ts';
import { CustomerPanel } from '../customers/CustomerPanel.tsx';
import { ConversationDrafts } from '../drafts/ConversationDrafts.tsx';
import { ConversationFeatures } from '../featurerequests/ConversationFeatures.tsx';
import { conversationHref, inboxHref } from '../routing.ts';
import { useApi, useCurrentAgent } from '../session/session.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { CallComposer } from './CallComposer.tsx';
import { ConversationToolbar } from './ConversationToolbar.tsx';
import { MessageCard } from './MessageCard.tsx';
import { NoteComposer } from './NoteComposer.tsx';
import { ReplyComposer } from './ReplyComposer.tsx';
import { usePresence } from './usePresence.ts';

/** How often the page looks again while a reply is still sending. */
const deliveryPollMs = 2000;

/** /conversations/{id}: header and toolbar, all its items in order, who else is here, and the reply and note boxes. */
export function ConversationPage({ id }: { id: string }) {
  const queries = useQueryClient();
  const query = conversationQuery(useApi(), id);
  // A reply goes out within seconds of being accepted: look again until none is still sending.
  const { data: conversation, error } = useQuery({
    ...query,
    refetchInterval: (current) => (current.state.data && hasPendingDelivery(current.state.data.messages) ? deliveryPollMs : false),
  });

  // A conversation merged into another answers as that one: move to the surviving id, so writes use it too.
  const survivingId = conversation?.id;
  useEffect(() => {
    if (survivingId !== undefined && survivingId !== id) window.location.replace(conversationHref(survivingId));
  }, [survivingId, id]);

  // A status, assignee or tag change answers with the new state: shown at once; the inbox lists are read again.
  const changed = (state: ConversationState) => {
    queries.setQueryData(query.queryKey, (current) => current && { ...current, ...state });
    void queries.invalidateQueries({ queryKey: conversationsKey, predicate: (cached) => cached.queryKey[1] !== 'one' });
  };
  const itemAdded = () => void queries.invalidateQueries({ queryKey: conversationsKey });

  return (
    <section class="conversation">
      <a class="back-link" href={inboxHref()}>
        ← Inbox
      </a>
      {!conversation && !error && <p class="loading">Loading conversation…</p>}
      {error && <ErrorMessage error={error} />}
      {conversation && <ConversationView conversation={conversation} onChanged={changed} onItemAdded={itemAdded} />}
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
  const queries = useQueryClient();
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
              <MessageCard message={message} conversationId={conversation.id} onChanged={onItemAdded}
                rating={conversation.ratings.find((rating) => rating.messageId === message.id)} />
            </li>
          ))}
        </ol>
        <ConversationFeatures conversationId={conversation.id} />
        <ConversationDrafts conversationId={conversation.id} version={conversation.version} />
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
            onSent={me?.role === 'trainee' ? () => void queries.invalidateQueries({ queryKey: draftsKey }) : onItemAdded}
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
