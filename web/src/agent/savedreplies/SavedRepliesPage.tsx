import '../search/library.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import {
  createSavedReply,
  deleteSavedReply,
  savedRepliesQuery,
  updateSavedReply,
  type SavedReply,
  type SavedReplyDraft,
} from '../api/savedReplies.ts';
import { useApi } from '../session/session.tsx';

/** /saved-replies: the agent's own saved replies — add, change, delete — and the placeholders they may use. */
export function SavedRepliesPage() {
  const api = useApi();
  const queries = useQueryClient();
  const query = savedRepliesQuery(api);
  const { data: list, error: loadError } = useQuery(query);
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null);
  const [changeError, setError] = useState<unknown>(null);
  const error = changeError ?? loadError;
  const reload = () => queries.invalidateQueries({ queryKey: query.queryKey });

  const save = async (draft: SavedReplyDraft) => {
    if (editing === 'new') await createSavedReply(api, draft);
    else if (editing) await updateSavedReply(api, editing.id, draft);
    setEditing(null);
    await reload();
  };
  const remove = async (reply: SavedReply) => {
    if (!confirm(`Delete the saved reply “${reply.name}”?`)) return;
    setError(null);
    try {
      await deleteSavedReply(api, reply.id);
      await reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section class="saved-replies-page" aria-labelledby="saved-replies-title">
      <div class="inbox-heading">
        <h1 id="saved-replies-title">Saved replies</h1>
        {editing === null && (
          <button type="button" onClick={() => setEditing('new')}>
            New saved reply
          </button>
        )}
      </div>
      {list && (
        <p class="hint">
          Only you see your saved replies. Placeholders: {list.placeholders.map((p) => `{{${p}}}`).join(' ')} — an unknown first name
          reads “there”.
        </p>
      )}
      {editing !== null && (
        <SavedReplyForm key={editing === 'new' ? 'new' : editing.id} reply={editing === 'new' ? null : editing} onSave={save} onCancel={() => setEditing(null)} />
      )}
      {error && <ErrorMessage error={error} />}
      {!list && !error && <p class="loading">Loading saved replies…</p>}
      {list && list.items.length === 0 && <p class="empty">No saved replies yet.</p>}
      {list && list.items.length > 0 && (
        <ul class="saved-reply-list" aria-label="Your saved replies">
          {list.items.map((reply) => (
            <li key={reply.id}>
              <strong>{reply.name}</strong>{' '}
              <button type="button" class="link-button" onClick={() => setEditing(reply)} aria-label={`Edit ${reply.name}`}>
                Edit
              </button>{' '}
              <button type="button" class="link-button" onClick={() => void remove(reply)} aria-label={`Delete ${reply.name}`}>
                Delete
              </button>
              <pre>{reply.body}</pre>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SavedReplyForm({ reply, onSave, onCancel }: { reply: SavedReply | null; onSave: (draft: SavedReplyDraft) => Promise<void>; onCancel: () => void }) {
  const [name, setName] = useState(reply?.name ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const save = useMutation({ mutationFn: () => onSave({ name, body }) });
  // A saved form closes, so it stays "Saving…" until it goes.
  const saving = save.isPending || save.isSuccess;
  const submit = (event: Event) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form class="saved-reply-form panel" onSubmit={submit} aria-label={reply ? `Edit ${reply.name}` : 'New saved reply'}>
      <label>
        Name <input value={name} maxLength={100} required onInput={(event) => setName(event.currentTarget.value)} />
      </label>
      <label>
        Text
        <textarea value={body} maxLength={10000} required onInput={(event) => setBody(event.currentTarget.value)} />
      </label>
      {save.error && <ErrorMessage error={save.error} />}
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Save'}
      </button>{' '}
      <button type="button" class="link-button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
