import { useMutation } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { addNote, type AssigneeList } from '../api/toolkit.ts';
import { useApi } from '../session/session.tsx';

interface NoteComposerProps {
  conversationId: string;
  assignees: AssigneeList;
  /** Tells the page whether a draft is being written (presence says "replying"). */
  onDrafting: (drafting: boolean) => void;
  onAdded: () => void;
}

/** An internal note for the team, never emailed to the customer; @handle emails a teammate a link. */
export function NoteComposer({ conversationId, assignees, onDrafting, onAdded }: NoteComposerProps) {
  const api = useApi();
  const [text, setText] = useState('');
  const note = useMutation({
    mutationFn: (body: string) => addNote(api, conversationId, body),
    onSuccess: () => {
      setText('');
      onDrafting(false);
      onAdded();
    },
  });
  const busy = note.isPending;

  const submit = (event: Event) => {
    event.preventDefault();
    if (text.trim()) note.mutate(text);
  };
  const handles = assignees.items.map((agent) => `@${agent.handles[0] ?? agent.id}`).join(', ');
  return (
    <form class="note-composer" onSubmit={submit}>
      <label for="note-text">Internal note</label>
      <textarea
        id="note-text"
        rows={3}
        value={text}
        disabled={busy}
        placeholder="Only your team sees this. Mention someone with @name."
        onInput={(event) => {
          setText(event.currentTarget.value);
          onDrafting(event.currentTarget.value.trim().length > 0);
        }}
      />
      {handles && <p class="hint">Mention: {handles}</p>}
      {note.error && <ErrorMessage error={note.error} />}
      <button type="submit" disabled={busy || !text.trim()}>
        Add note
      </button>
    </form>
  );
}
