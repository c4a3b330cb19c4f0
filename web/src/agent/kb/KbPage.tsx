import { useMutation, useQuery } from '@tanstack/preact-query';
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { formatDateTime } from '../../shared/format/relativeTime.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { Options } from '../../shared/ui/Options.tsx';
import { QueryStatus } from '../../shared/ui/QueryStatus.tsx';
import { articleListQuery, articleStatuses, createArticle, type ArticleSummary } from '../api/kb.ts';
import { kbArticleHref, knowledgeBaseHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';
import { CategoryManager } from './CategoryManager.tsx';
import { KbNav } from './KbNav.tsx';
import { SiteStatusPanel } from './SiteStatusPanel.tsx';
import './kb.css';

/** `/knowledge-base?status=&q=`: every article by category, in the site's order; a new article; categories; publishing. */
export function KbPage() {
  const api = useApi();
  const { query, route } = useLocation();
  const status = articleStatuses.find((known) => known === query['status']) ?? '';
  const [words, setWords] = useState(query['q'] ?? '');
  const list = useQuery(articleListQuery(api, { status, q: words.trim() }));
  const categories = list.data?.categories ?? [];
  const groups = group(list.data?.items ?? [], categories);
  return (
    <section class="kb-page">
      <KbNav current="articles" />
      <div class="kb-columns">
        <div>
          <NewArticleForm categories={categories} />
          <div class="kb-filters">
            <label>
              Status{' '}
              <select
                value={status}
                onChange={(event) => {
                  const chosen = event.currentTarget.value;
                  route(chosen ? `${knowledgeBaseHref}?status=${chosen}` : knowledgeBaseHref, true);
                }}
              >
                <option value="">All</option>
                <Options values={articleStatuses} />
              </select>
            </label>
            <label>
              Find articles <input type="search" value={words} onInput={(event) => setWords(event.currentTarget.value)} />
            </label>
          </div>
          <QueryStatus error={list.error} pending={list.isPending} />
          {list.data?.items.length === 0 && <p class="empty">No articles {status ? `with status ${status}` : 'yet'}.</p>}
          {groups.map(([category, articles]) => (
            <section key={category} class="kb-category" aria-label={category}>
              <h2>{category}</h2>
              <ul class="kb-article-list">
                {articles.map((article) => (
                  <li key={article.id}>
                    <a href={kbArticleHref(article.id)}>{article.title}</a> <span class={`kb-status kb-status-${article.status}`}>{article.status}</span>
                    <span class="hint">
                      {' '}
                      · v{article.version} · {article.lastEditorName ?? 'someone'}, {formatDateTime(new Date(article.updatedAt))}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        <aside>
          <SiteStatusPanel />
          <CategoryManager categories={categories} />
        </aside>
      </div>
    </section>
  );
}

/** The articles under their category headings, categories in the site's order, uncategorised last. */
function group(articles: ArticleSummary[], order: string[]): [string, ArticleSummary[]][] {
  const byCategory = new Map<string, ArticleSummary[]>();
  for (const name of order) byCategory.set(name, []);
  for (const article of articles) {
    const name = order.find((known) => known.toLowerCase() === article.category?.toLowerCase()) ?? 'No category';
    byCategory.set(name, [...(byCategory.get(name) ?? []), article]);
  }
  return [...byCategory].filter(([, list]) => list.length > 0);
}

function NewArticleForm({ categories }: { categories: string[] }) {
  const api = useApi();
  const { route } = useLocation();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const create = useMutation({
    mutationFn: () => createArticle(api, { title, body: '', category: category.trim() || null }),
    onSuccess: (article) => route(kbArticleHref(article.id)),
  });
  // Busy until the editor of the new article replaces this page.
  const busy = create.isPending || create.isSuccess;
  const submit = (event: Event) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form class="kb-new-article" aria-label="New article" onSubmit={submit}>
      <h1>Knowledge base</h1>
      <div class="kb-row">
        <label>
          New article title <input value={title} required maxLength={200} onInput={(event) => setTitle(event.currentTarget.value)} />
        </label>
        <label>
          Category{' '}
          <input list="kb-category-names" value={category} maxLength={60} onInput={(event) => setCategory(event.currentTarget.value)} />
        </label>
        <datalist id="kb-category-names">
          {categories.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <button type="submit" disabled={busy || !title.trim()}>
          New article
        </button>
      </div>
      {create.error && <ErrorMessage error={create.error} />}
    </form>
  );
}
