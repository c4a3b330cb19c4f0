import '../search/library.css';
import { useQuery } from '@tanstack/preact-query';
import { useMemo, useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { filterSavedReplies, renderSavedReply, savedRepliesQuery, type SavedReply } from '../api/savedReplies.ts';
import { savedRepliesHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';

interface SavedReplyPickerProps {
  conversationId: string;
  /** Called with the reply filled in for the conversation (the server renders it); the composer inserts it. */
  onInsert: (text: string) => void;
  /** Escape, or after inserting: the composer hides the picker. */
  onClose?: () => void;
}

/**
 * Finds one of the agent's saved replies by name and inserts it: type to filter, ↑/↓ to choose, Enter to insert,
 * Escape to close. The field points at the active option (aria-activedescendant) so a screen reader follows it.
 */
export function SavedReplyPicker({ conversationId, onInsert, onClose }: SavedReplyPickerProps) {
  const api = useApi();
  const list = useQuery(savedRepliesQuery(api));
  const replies = list.data?.items ?? null;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [insertError, setError] = useState<unknown>(null);
  const error = insertError ?? list.error;

  const shown = useMemo(() => filterSavedReplies(replies ?? [], query), [replies, query]);
  const insert = async (reply: SavedReply | undefined) => {
    if (!reply) return;
    setError(null);
    try {
      onInsert(await renderSavedReply(api, conversationId, reply.id));
      onClose?.();
    } catch (e) {
      setError(e);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.min(Math.max(current + step, 0), Math.max(shown.length - 1, 0)));
      event.preventDefault();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void insert(shown[active]);
    } else if (event.key === 'Escape') {
      onClose?.();
    }
  };

  const optionId = (id: string) => `saved-reply-${id}`;
  return (
    <div class="saved-reply-picker">
      <input
        type="search"
        aria-label="Find a saved reply"
        aria-expanded="true"
        aria-controls="saved-reply-options"
        aria-activedescendant={shown[active] ? optionId(shown[active].id) : undefined}
        placeholder="Saved reply name…"
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {list.isPending && <p class="loading">Loading saved replies…</p>}
      <ul id="saved-reply-options" role="listbox" aria-label="Saved replies">
        {shown.map((reply, index) => (
          <li
            key={reply.id}
            id={optionId(reply.id)}
            role="option"
            aria-selected={index === active}
            onMouseEnter={() => setActive(index)}
            onMouseDown={(event) => {
              event.preventDefault();
              void insert(reply);
            }}
          >
            {reply.name}
          </li>
        ))}
      </ul>
      {replies !== null && shown.length === 0 && (
        <p class="empty">
          {replies.length === 0 ? 'You have no saved replies yet. ' : 'No saved reply matches. '}
          <a href={savedRepliesHref}>Manage saved replies</a>
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
