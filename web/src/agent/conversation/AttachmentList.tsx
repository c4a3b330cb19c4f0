import { safeHref } from '../../shared/api/safeHref.ts';
import { formatFileSize } from '../../shared/format/fileSize.ts';
import type { Attachment } from '../api/conversations.ts';

/** Each attachment as a download link with its size; inline images are listed too, as the text view does not show them. */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  return (
    <ul class="attachments" aria-label="Attachments">
      {attachments.map((attachment) => {
        const href = safeHref(attachment.url, location.href);
        const size = formatFileSize(attachment.size);
        return (
          <li key={attachment.url} title={attachment.contentType}>
            {href ? (
              <a href={href} download={attachment.name}>
                {attachment.name}
              </a>
            ) : (
              attachment.name
            )}{' '}
            <span class="attachment-size">({attachment.inline ? `inline image, ${size}` : size})</span>
          </li>
        );
      })}
    </ul>
  );
}
