import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { conversationsKey } from '../api/conversations.ts';
import { approveDraft, conversationDraftsQuery, draftsKey, draftStateLabel, returnDraft, updateDraft, type Draft } from '../api/drafts.ts';
import { staleReply, type StatusAfter } from '../api/replies.ts';
import type { CurrentAgent } from '../session/authApi.ts';
import { useApi, useCurrentAgent } from '../session/session.tsx';

/**
 * The conversation's drafts that are not sent yet: waiting for approval (agents approve, edit and send, or return them
 * with a comment) or returned (the author reads the comment, edits and resubmits). `version`: the conversation version
 * on screen, which an approval is sent against.
 */
export function ConversationDrafts({ conversationId, version }: { conversationId: string; version: number }) {
  const me = useCurrentAgent();
  const { data: drafts, error } = useQuery(conversationDraftsQuery(useApi(), conversationId));
  if (error) return <ErrorMessage error={error} />;
  if (!drafts || drafts.length === 0) return null;
  return (
    <section class="drafts" aria-label="Drafts">
      <h2>Drafts</h2>
      <ol>
        {drafts.map((draft) => (
          <li key={`${draft.id}-${draft.version}-${draft.state}`}>
            <DraftCard draft={draft} version={version} me={me} />
          </li>
        ))}
      </ol>
    </section>
  );
}

type Mode = 'view' | 'edit' | 'return';

function DraftCard({ draft, version, me }: { draft: Draft; version: number; me: CurrentAgent | null }) {
  const api = useApi();
  const queries = useQueryClient();
  const [mode, setMode] = useState<Mode>('view');
  const [text, setText] = useState(draft.text);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const approver = me !== null && me.role !== 'trainee';
  const author = me !== null && me.id === draft.author.id;

  // Whatever happened, the drafts and the conversation (a sent draft is a message now) are read again.
  const refresh = () => Promise.all([queries.invalidateQueries({ queryKey: draftsKey }), queries.invalidateQueries({ queryKey: conversationsKey })]);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    setStale(false);
    try {
      await action();
      await refresh();
    } catch (failure) {
      if (staleReply(failure)) {
        setStale(true);
        await refresh(); // so the next approval goes against what is new
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const approve = (edited?: string) => run(() => approveDraft(api, draft, version, edited));
  const giveBack = () => run(() => returnDraft(api, draft.id, comment));
  const resubmit = () => run(() => updateDraft(api, draft.id, { text, cc: draft.cc, statusAfter: draft.statusAfter as StatusAfter }));

  return (
    <div role="group" class={`draft draft-${draft.state}`} aria-label={`Draft by ${draft.author.name ?? draft.author.id}`}>
      <header>
        <strong>{draft.author.name ?? draft.author.id}</strong> · <span class="draft-state">{draftStateLabel(draft)}</span>
      </header>
      {mode === 'edit' ? (
        <textarea aria-label="Draft text" rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      ) : (
        <p class="draft-text">{draft.text}</p>
      )}
      {draft.state === 'returned' && draft.returnComment && (
        <p class="draft-comment" role="note">
          <strong>Comment:</strong> {draft.returnComment}
        </p>
      )}
      {stale && <p role="alert">New messages arrived since you opened the conversation; nothing was sent. Read them, then approve again.</p>}
      {error !== null && <ErrorMessage error={error} />}
      {draft.state === 'submitted' && approver && mode === 'view' && (
        <div class="draft-actions">
          <button type="button" disabled={busy} onClick={() => void approve()}>
            Approve
          </button>
          <button type="button" disabled={busy} onClick={() => setMode('edit')}>
            Edit &amp; send
          </button>
          <button type="button" disabled={busy} onClick={() => setMode('return')}>
            Return
          </button>
        </div>
      )}
      {draft.state === 'submitted' && approver && mode === 'edit' && (
        <div class="draft-actions">
          <button type="button" disabled={busy || text.trim() === ''} onClick={() => void approve(text)}>
            Send edited reply
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </div>
      )}
      {draft.state === 'submitted' && approver && mode === 'return' && (
        <div class="draft-actions">
          <label>
            What should change?{' '}
            <input type="text" aria-label="Return comment" value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <button type="button" disabled={busy || comment.trim() === ''} onClick={() => void giveBack()}>
            Return to author
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </div>
      )}
      {draft.state === 'returned' && author && (
        <div class="draft-actions">
          {mode === 'edit' ? (
            <button type="button" disabled={busy || text.trim() === ''} onClick={() => void resubmit()}>
              Resubmit for approval
            </button>
          ) : (
            <button type="button" onClick={() => setMode('edit')}>
              Edit and resubmit
            </button>
          )}
        </div>
      )}
    </div>
  );
}
