import { useState } from 'preact/hooks';
import type { Message } from '../api/conversations.ts';
import { framedHtml, hasRemoteContent } from './remoteContent.ts';

/**
 * The message as text (quoted history and signature hidden until asked for), or its sanitized HTML in a frame
 * sandboxed with no permissions at all: no scripts, no forms, no access to this page.
 * Mail text is only ever rendered as text nodes, never parsed as HTML.
 * Remote images (tracking pixels tell the sender who read the mail, when and from where) stay blocked until the
 * agent asks for them, for this message only; inline (cid:) images are ours and always load.
 */
export function MessageBody({ message }: { message: Message }) {
  const [showQuoted, setShowQuoted] = useState(false);
  const [showHtml, setShowHtml] = useState(false);
  const [remoteAllowed, setRemoteAllowed] = useState(false);
  const hasQuotedText = message.text.trim() !== message.visibleText.trim();
  const remote = message.html !== null && hasRemoteContent(message.html);

  return (
    <div class="message-body">
      {showHtml && message.html !== null ? (
        <>
          {remote && !remoteAllowed && (
            <p class="remote-content-note" role="note">
              Remote images in this message are blocked, so the sender cannot tell that or when you read it.{' '}
              <button type="button" class="link-button" onClick={() => setRemoteAllowed(true)}>
                Load remote images
              </button>
            </p>
          )}
          <iframe
            key={remoteAllowed ? 'remote' : 'blocked'}
            class="message-html"
            sandbox=""
            srcdoc={framedHtml(message.html, { remoteAllowed, origin: location.origin })}
            title="HTML view of the message"
          />
        </>
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
