import { useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { articleFromReply, articleQuery, kbKey } from '../api/kb.ts';
import { kbArticleHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';

/** "Turn this reply into an article": a draft from the reply's own words (the server strips quotes), opened in the editor. */
export function ReplyToArticleButton({ conversationId, messageId }: { conversationId: string; messageId: string }) {
  const api = useApi();
  const queries = useQueryClient();
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const turn = async () => {
    setBusy(true);
    setError(null);
    try {
      const article = await articleFromReply(api, conversationId, messageId);
      queries.setQueryData(articleQuery(api, article.id).queryKey, article);
      void queries.invalidateQueries({ queryKey: [...kbKey, 'articles'] });
      route(kbArticleHref(article.id));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="link-button" disabled={busy} onClick={() => void turn()}>
        Turn this reply into an article
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
}
