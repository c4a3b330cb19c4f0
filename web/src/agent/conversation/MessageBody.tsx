import { useState } from 'preact/hooks';
import type { Message } from '../api/conversations.ts';

/**
 * The message as text (quoted history and signature hidden until asked for), or its sanitized HTML in a frame
 * sandboxed with no permissions at all: no scripts, no forms, no access to this page.
 * Mail text is only ever rendered as text nodes, never parsed as HTML.
 */
export function MessageBody({ message }: { message: Message }) {
  const [showQuoted, setShowQuoted] = useState(false);
  const [showHtml, setShowHtml] = useState(false);
  const hasQuotedText = message.text.trim() !== message.visibleText.trim();

  return (
    <div class="message-body">
      {showHtml && message.html !== null ? (
        <iframe class="message-html" sandbox="" srcdoc={message.html} title="HTML view of the message" />
      ) : (
        <div class="message-text">{showQuoted ? message.text : message.visibleText}</div>
      )}
      <div class="message-actions">
        {!showHtml && hasQuotedText && (
          <button type="button" class="link-button" onClick={() => setShowQuoted(!showQuoted)} aria-pressed={showQuoted}>
            {showQuoted ? 'Hide quoted text' : 'Show quoted text'}
          </button>
        )}
        {message.html !== null && (
          <button type="button" class="link-button" onClick={() => setShowHtml(!showHtml)} aria-pressed={showHtml}>
            {showHtml ? 'Text view' : 'HTML view'}
          </button>
        )}
      </div>
    </div>
  );
}
