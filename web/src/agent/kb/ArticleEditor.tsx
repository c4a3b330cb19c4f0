import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import {
  articleListQuery,
  articleQuery,
  articleStatuses,
  kbKey,
  previewQuery,
  publishArticle,
  saveArticle,
  staleSave,
  uploadFile,
  type Article,
  type StaleSave,
} from '../api/kb.ts';
import { useApi } from '../session/session.tsx';
import { StaleSaveNotice } from './StaleSaveNotice.tsx';

type Fields = Pick<Article, 'title' | 'slug' | 'body' | 'status'> & { category: string; summary: string };

const fieldsOf = (article: Article): Fields => ({
  title: article.title,
  slug: article.slug,
  category: article.category ?? '',
  summary: article.summary ?? '',
  status: article.status,
  body: article.body,
});

/**
 * Edits an article: its fields and Markdown body, with a preview rendered by the server's publishing code. Saves
 * name the version they edit (If-Match); a teammate's save in between is shown (what they changed) and nothing is
 * overwritten until the agent chooses. A file pasted or dropped into the body is uploaded and its Markdown inserted.
 */
export function ArticleEditor({ article }: { article: Article }) {
  const api = useApi();
  const queries = useQueryClient();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(article));
  const [saved, setSaved] = useState<Fields>(() => fieldsOf(article));
  const [version, setVersion] = useState(article.version);
  const [stale, setStale] = useState<StaleSave | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [uploading, setUploading] = useState(0);
  const body = useRef<HTMLTextAreaElement>(null);
  const dirty = JSON.stringify(fields) !== JSON.stringify(saved);

  const [previewed, setPreviewed] = useState(fields.body);
  useEffect(() => {
    const timer = setTimeout(() => setPreviewed(fields.body), 300);
    return () => clearTimeout(timer);
  }, [fields.body]);
  const preview = useQuery(previewQuery(api, previewed));

  const set = (name: keyof Fields) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [name]: value }));
    setNotice('');
  };

  const accept = (next: Article, message: string) => {
    queries.setQueryData(articleQuery(api, next.id).queryKey, next);
    void queries.invalidateQueries({ queryKey: kbKey, predicate: (q) => q.queryKey[1] !== 'article' || q.queryKey[2] === next.id });
    setVersion(next.version);
    setSaved(fieldsOf(next));
    setFields(fieldsOf(next));
    setNotice(message);
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      const conflict = staleSave(failure);
      if (conflict) setStale(conflict);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const save = (over = version) =>
    run(async () => {
      const next = await saveArticle(api, article.id, over, {
        title: fields.title,
        slug: fields.slug === saved.slug ? null : fields.slug,
        category: fields.category,
        summary: fields.summary,
        status: fields.status,
        body: fields.body,
      });
      setStale(null);
      accept(next, `Saved version ${next.version}.`);
    });

  const publish = () =>
    run(async () => {
      const next = await publishArticle(api, article.id);
      accept(next, 'Published: the site shows it once the publish queue has run.');
    });

  const insert = (markdown: string) => {
    const area = body.current;
    setFields((current) => {
      const at = area ? area.selectionStart : current.body.length;
      const end = area ? area.selectionEnd : current.body.length;
      return { ...current, body: `${current.body.slice(0, at)}${markdown}${current.body.slice(end)}` };
    });
  };

  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    setUploading((n) => n + files.length);
    setError(null);
    for (const file of files) {
      try {
        insert(`${(await uploadFile(api, file)).markdown}\n`);
      } catch (failure) {
        setError(failure);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  return (
    <form
      class="kb-editor"
      aria-label="Edit article"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h1>{saved.title}</h1>
      <p class="hint">
        Version {version} · {saved.status} · written by {article.authorName ?? article.authorId}
      </p>
      {stale && (
        <StaleSaveNotice
          stale={stale}
          onKeepMine={() => void save(stale.currentVersion)}
          onTakeTheirs={() => {
            setStale(null);
            accept(stale.current, `Loaded version ${stale.current.version}; your changes were discarded.`);
          }}
        />
      )}
      <label>
        Title <input value={fields.title} required maxLength={200} onInput={set('title')} />
      </label>
      <div class="kb-row">
        <label>
          Slug <input value={fields.slug} maxLength={80} onInput={set('slug')} aria-describedby="kb-slug-hint" />
        </label>
        <label>
          Category <input value={fields.category} list="kb-editor-categories" maxLength={60} onInput={set('category')} />
        </label>
        <CategoryOptions />
        <label>
          Status{' '}
          <select value={fields.status} onChange={set('status')}>
            {articleStatuses.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id="kb-slug-hint" class="hint">
        A changed slug keeps the old address working: it redirects here.
      </p>
      <label>
        Summary <input value={fields.summary} maxLength={500} onInput={set('summary')} />
      </label>
      <div class="kb-body">
        <div>
          <label for="kb-body">Body (Markdown)</label>
          <textarea
            id="kb-body"
            ref={body}
            rows={18}
            value={fields.body}
            aria-describedby="kb-body-hint"
            onInput={set('body')}
            onPaste={(event) => {
              const files = Array.from(event.clipboardData?.files ?? []);
              if (files.length === 0) return;
              event.preventDefault();
              void upload(files);
            }}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              const files = Array.from(event.dataTransfer?.files ?? []);
              if (files.length === 0) return;
              event.preventDefault();
              void upload(files);
            }}
          />
          <p id="kb-body-hint" class="hint">
            Paste or drop an image or file here to upload it. {uploading > 0 && <span role="status">Uploading…</span>}
          </p>
          <label>
            Upload a file{' '}
            <input
              type="file"
              onChange={(event) => {
                void upload(Array.from(event.currentTarget.files ?? []));
                event.currentTarget.value = '';
              }}
            />
          </label>
        </div>
        <section class="kb-preview-pane" aria-label="Preview">
          <h2>Preview</h2>
          {preview.error && <ErrorMessage error={preview.error} />}
          {/* HTML from POST /api/kb/preview: Markdig then HtmlSanitizer, the code that publishes. */}
          <div class="kb-preview" dangerouslySetInnerHTML={{ __html: preview.data?.html ?? '' }} />
        </section>
      </div>
      <div class="kb-actions">
        <button type="submit" disabled={busy || !dirty}>
          Save
        </button>
        {saved.status !== 'published' && (
          <button type="button" class="secondary" disabled={busy || dirty} title={dirty ? 'Save your changes first' : undefined} onClick={() => void publish()}>
            Publish
          </button>
        )}
        {notice && <span role="status">{notice}</span>}
        {dirty && !notice && <span class="hint">Unsaved changes</span>}
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}

function CategoryOptions() {
  const list = useQuery(articleListQuery(useApi(), {}));
  return (
    <datalist id="kb-editor-categories">
      {list.data?.categories.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}
