import './kb.css';
import { useQuery } from '@tanstack/preact-query';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { articleLink, articleListQuery } from '../api/kb.ts';
import { useApi } from '../session/session.tsx';

/**
 * The reply composer's "Link an article": finds published articles by words and inserts a Markdown-style link
 * `Title: https://…/kb/articles/{slug}/` (plain text mail shows it as it is). Drafts are not offered: a customer
 * could not open them.
 */
export function ArticleLinkPicker({ onInsert, onClose }: { onInsert: (text: string) => void; onClose: () => void }) {
  const [words, setWords] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(words.trim()), 200);
    return () => clearTimeout(timer);
  }, [words]);
  const list = useQuery(articleListQuery(useApi(), { status: 'published', q: query }));
  const articles = (list.data?.items ?? []).filter((article) => article.publicUrl).slice(0, 8);
  return (
    <div class="kb-link-picker">
      <label>
        Find an article to link{' '}
        <input
          type="search"
          value={words}
          autoFocus
          onInput={(event) => setWords(event.currentTarget.value)}
          onKeyDown={(event) => event.key === 'Escape' && onClose()}
        />
      </label>
      {list.error && <ErrorMessage error={list.error} />}
      {list.data && articles.length === 0 && <p class="empty">No published article matches.</p>}
      <ul class="kb-article-list" aria-label="Published articles">
        {articles.map((article) => (
          <li key={article.id}>
            <span>{article.title}</span>
            <button
              type="button"
              class="small"
              aria-label={`Insert a link to ${article.title}`}
              onClick={() => {
                onInsert(`${article.title}: ${articleLink(article.publicUrl!)}`);
                onClose();
              }}
            >
              Insert link
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
