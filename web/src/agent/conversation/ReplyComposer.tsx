import { useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import type { Message } from '../api/conversations.ts';
import { submitDraft } from '../api/drafts.ts';
import { sendReply, staleReply, type ReplyAttachment, type StatusAfter } from '../api/replies.ts';
import { ArticleLinkPicker } from '../kb/ArticleLinkPicker.tsx';
import { SavedReplyPicker } from '../savedreplies/SavedReplyPicker.tsx';
import { useApi } from '../session/session.tsx';
import { MessageCard } from './MessageCard.tsx';

interface ReplyComposerProps {
  conversationId: string;
  /** The version the agent is looking at; a reply against an older one is refused and shows what is new. */
  version: number;
  /** Tells the page whether a draft is being written (presence says "replying"). */
  onDrafting?: (drafting: boolean) => void;
  onSent: () => void;
  /** A trainee's reply: submitted for approval as a draft instead of sent. */
  asDraft?: boolean;
}

const newKey = () => crypto.randomUUID();

/**
 * Writes a reply to the customer: text, files, the status afterwards; Ctrl+Enter sends. If the conversation changed
 * since it was opened, nothing is sent: the new messages are shown above the draft, which is kept, and the next
 * Send goes out against the version that includes them.
 */
export function ReplyComposer({ conversationId, version, onDrafting, onSent, asDraft = false }: ReplyComposerProps) {
  const api = useApi();
  const [text, setText] = useState('');
  const [statusAfter, setStatusAfter] = useState<StatusAfter>('pending');
  const [files, setFiles] = useState<File[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missed, setMissed] = useState<{ version: number; messages: Message[] } | null>(null);
  const [picking, setPicking] = useState(false);
  const [linking, setLinking] = useState(false);
  const idempotencyKey = useRef(newKey());
  const fileInput = useRef<HTMLInputElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);

  const edit = (value: string) => {
    setText(value);
    onDrafting?.(value.trim().length > 0);
  };

  /** A saved reply goes where the cursor is (or at the end), and the cursor after it. */
  const insert = (snippet: string) => {
    const area = textArea.current;
    const at = area ? area.selectionStart : text.length;
    const end = area ? area.selectionEnd : text.length;
    edit(text.slice(0, at) + snippet + text.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + snippet.length, at + snippet.length);
    });
  };

  const submit = async () => {
    if (sending || text.trim() === '') return;
    setSending(true);
    setError(null);
    try {
      const attachments = await Promise.all(files.map(readAttachment));
      if (asDraft) await submitDraft(api, conversationId, { text, statusAfter, attachments });
      else await sendReply(api, conversationId, missed?.version ?? version, { text, statusAfter, attachments }, idempotencyKey.current);
      idempotencyKey.current = newKey();
      edit('');
      setFiles([]);
      setMissed(null);
      if (fileInput.current) fileInput.current.value = '';
      onSent();
    } catch (failure) {
      const stale = staleReply(failure);
      if (stale) {
        setMissed((earlier) => ({ version: stale.currentVersion, messages: [...(earlier?.messages ?? []), ...stale.newMessages] }));
      } else {
        setError(failure);
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      class="reply-composer"
      aria-label="Reply"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {missed && (
        <div class="reply-stale" role="alert">
          <p>
            <strong>New messages arrived while you were writing.</strong> Nothing was sent; read them, then send again.
          </p>
          <ol class="messages">
            {missed.messages.map((message) => (
              <li key={message.id}>
                <MessageCard message={message} />
              </li>
            ))}
          </ol>
        </div>
      )}
      <label for="reply-text">Reply to the customer</label>
      <textarea
        id="reply-text"
        ref={textArea}
        rows={6}
        value={text}
        onInput={(event) => edit(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          }
        }}
      />
      {picking && <SavedReplyPicker conversationId={conversationId} onInsert={insert} onClose={() => setPicking(false)} />}
      {linking && <ArticleLinkPicker onInsert={insert} onClose={() => setLinking(false)} />}
      <div class="reply-options">
        <button type="button" aria-expanded={picking} onClick={() => setPicking((open) => !open)}>
          Saved replies
        </button>
        <button type="button" aria-expanded={linking} onClick={() => setLinking((open) => !open)}>
          Link an article
        </button>
        <label>
          Attach files{' '}
          <input ref={fileInput} type="file" multiple onChange={(event) => setFiles(Array.from(event.currentTarget.files ?? []))} />
        </label>
        <label>
          Then set to{' '}
          <select value={statusAfter} onChange={(event) => setStatusAfter(event.currentTarget.value as StatusAfter)}>
            <option value="pending">pending (waiting for the customer)</option>
            <option value="open">open</option>
            <option value="closed">closed</option>
          </select>
        </label>
        <button type="submit" disabled={sending || text.trim() === ''} title="Ctrl+Enter">
          {asDraft ? (sending ? 'Submitting…' : 'Submit for approval') : sending ? 'Sending…' : 'Send reply'}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}

async function readAttachment(file: File): Promise<ReplyAttachment> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, contentType: file.type || 'application/octet-stream', contentBase64: btoa(binary) };
}
