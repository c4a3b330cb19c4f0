import './kb.css';
import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { QueryStatus } from '../../shared/ui/QueryStatus.tsx';
import { articleQuery, type Article } from '../api/kb.ts';
import { knowledgeBaseHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';
import { ArticleEditor } from './ArticleEditor.tsx';
import { ArticleFeedbackPanel } from './ArticleFeedbackPanel.tsx';
import { ArticleHistory } from './ArticleHistory.tsx';
import { KbNav } from './KbNav.tsx';

/** `/knowledge-base/articles/{id}`: the editor with its live preview; beside it the revisions and what readers said. */
export function ArticlePage({ id }: { id: string }) {
  const api = useApi();
  const queries = useQueryClient();
  const article = useQuery({ ...articleQuery(api, id), staleTime: Infinity });
  // A restore replaces the text being edited: the editor starts again from the restored version.
  const [generation, setGeneration] = useState(0);
  const restored = (restoredArticle: Article) => {
    queries.setQueryData(articleQuery(api, id).queryKey, restoredArticle);
    setGeneration((n) => n + 1);
  };
  return (
    <section class="kb-page">
      <KbNav current="article" />
      <a class="back-link" href={knowledgeBaseHref}>
        ← All articles
      </a>
      <QueryStatus error={article.error} pending={article.isPending} />
      {article.data && (
        <div class="kb-columns">
          <ArticleEditor key={`${id}-${generation}`} article={article.data} />
          <aside>
            <ArticleHistory articleId={id} onRestored={restored} />
            <ArticleFeedbackPanel articleId={id} />
          </aside>
        </div>
      )}
    </section>
  );
}
