import { useState } from 'preact/hooks';

/** The conversation's tags: remove one with its ×, add one by typing it and pressing Enter (the server normalises). */
export function TagEditor({ tags, disabled, onChange }: { tags: string[]; disabled: boolean; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const add = (event: Event) => {
    event.preventDefault();
    const tag = draft.trim();
    if (!tag) return;
    onChange([...tags, tag]);
    setDraft('');
  };
  return (
    <form class="tag-editor" onSubmit={add}>
      <ul class="tags" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} class="tag">
            {tag}
            <button type="button" disabled={disabled} aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input aria-label="Add tag" placeholder="Add tag" value={draft} maxLength={32} disabled={disabled} onInput={(event) => setDraft(event.currentTarget.value)} />
    </form>
  );
}
