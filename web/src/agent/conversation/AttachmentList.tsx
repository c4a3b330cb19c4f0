import { safeHref } from '../../shared/api/safeHref.ts';
import { formatFileSize } from '../../shared/format/fileSize.ts';
import type { Attachment } from '../api/conversations.ts';

export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  return (
    <ul class="attachments" aria-label="Attachments">
      {attachments.map((attachment) => {
        const href = safeHref(attachment.url, location.href);
        const label = `${attachment.name} (${formatFileSize(attachment.size)})`;
        return (
          <li key={attachment.url} title={attachment.contentType}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" download={attachment.name}>
                {label}
              </a>
            ) : (
              label
            )}
          </li>
        );
      })}
    </ul>
  );
}
