import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { formatDateTime } from '../../shared/format/relativeTime.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { articleQuery, diffQuery, kbKey, restoreRevision, revisionsQuery, staleSave, type Article } from '../api/kb.ts';
import { useApi } from '../session/session.tsx';
import { DiffLines } from './DiffLines.tsx';

/**
 * Every save of the article, newest first: pick two to see what changed between them, or restore one (a new save with
 * its text, named against the version the agent is looking at).
 */
export function ArticleHistory({ articleId, onRestored }: { articleId: string; onRestored: (article: Article) => void }) {
  const api = useApi();
  const queries = useQueryClient();
  const revisions = useQuery(revisionsQuery(api, articleId));
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const list = revisions.data ?? [];
  const latest = list[0]?.version;
  const older = from ?? list[1]?.version ?? null;
  const newer = to ?? latest ?? null;

  const restore = async (version: number) => {
    setError(null);
    try {
      const seen = queries.getQueryData(articleQuery(api, articleId).queryKey)?.version ?? latest ?? version;
      const restored = await restoreRevision(api, articleId, version, seen);
      await queries.invalidateQueries({ queryKey: [...kbKey, 'article', articleId, 'revisions'] });
      void queries.invalidateQueries({ queryKey: [...kbKey, 'articles'] });
      setFrom(null);
      setTo(null);
      onRestored(restored);
    } catch (failure) {
      const stale = staleSave(failure);
      setError(stale ? new Error(`${stale.detail} Reload the page to see their version first.`) : failure);
    }
  };

  return (
    <section class="kb-box" aria-label="Revisions">
      <h2>Revisions</h2>
      {revisions.error && <ErrorMessage error={revisions.error} />}
      <ol class="kb-revisions" aria-label="Every save">
        {list.map((revision) => (
          <li key={revision.version}>
            <span>
              <strong>v{revision.version}</strong> {revision.editorName ?? revision.editorId}, {formatDateTime(new Date(revision.savedAt))}
              {revision.restoredFrom !== null && <span class="hint"> (restored v{revision.restoredFrom})</span>}
            </span>
            {revision.version !== latest && (
              <button type="button" class="small" aria-label={`Restore version ${revision.version}`} onClick={() => void restore(revision.version)}>
                Restore
              </button>
            )}
          </li>
        ))}
      </ol>
      {error !== null && <ErrorMessage error={error} />}
      {list.length > 1 && older !== null && newer !== null && (
        <>
          <div class="kb-row">
            <VersionPicker label="Compare version" value={older} versions={list.map((r) => r.version)} onChange={setFrom} />
            <VersionPicker label="with version" value={newer} versions={list.map((r) => r.version)} onChange={setTo} />
          </div>
          <RevisionDiff articleId={articleId} from={older} to={newer} />
        </>
      )}
    </section>
  );
}

function VersionPicker({ label, value, versions, onChange }: { label: string; value: number; versions: number[]; onChange: (v: number) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={String(value)} onChange={(event) => onChange(Number(event.currentTarget.value))}>
        {versions.map((version) => (
          <option key={version} value={String(version)}>
            v{version}
          </option>
        ))}
      </select>
    </label>
  );
}

function RevisionDiff({ articleId, from, to }: { articleId: string; from: number; to: number }) {
  const diff = useQuery(diffQuery(useApi(), articleId, from, to));
  if (diff.error) return <ErrorMessage error={diff.error} />;
  if (!diff.data) return <p class="loading">Loading…</p>;
  const { body, changedFields } = diff.data;
  return (
    <div aria-label={`Changes from version ${from} to ${to}`} role="region">
      <p>{changedFields.length === 0 ? 'No differences.' : `Changed: ${changedFields.join(', ')}.`}</p>
      {changedFields.includes('body') && <DiffLines lines={body} />}
    </div>
  );
}
