import { queryOptions } from '@tanstack/preact-query';
import { ApiError } from '../../shared/api/problem.ts';
import { ok, withQuery, type Api, type Schema } from '../../shared/api/client.ts';

// The knowledge base's authoring API (docs/api.md, "Knowledge base (authoring)"): articles, revisions, uploads,
// categories, publishing, and what readers told us. Every key starts with kbKey, so a save refreshes what shows it.

export type Article = Schema<'ArticleView'>;
export type ArticleSummary = Schema<'ArticleSummaryView'>;
export type ArticleInput = Schema<'ArticleInput'>;
export type Revision = Schema<'RevisionView'>;
export type DiffLine = Schema<'DiffLine'>;
export type SiteStatus = Schema<'KbSiteStatus'>;
export type ContactSettings = Schema<'ContactSettings'>;

export const articleStatuses = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const kbKey = ['kb'] as const;

/** The entity tag of an article version, as GET sends it and a save sends it back. */
export const articleTag = (version: number) => `"v${version}"`;

export const articleListQuery = (api: Api, filter: { status?: string; category?: string; q?: string }) =>
  queryOptions({
    queryKey: [...kbKey, 'articles', filter],
    queryFn: ({ signal }) => ok(api.GET('/api/kb/articles', { signal, ...withQuery(filter) })),
  });

export const articleQuery = (api: Api, id: string) =>
  queryOptions({
    queryKey: [...kbKey, 'article', id],
    queryFn: ({ signal }) => ok(api.GET('/api/kb/articles/{id}', { signal, params: { path: { id } } })),
  });

export const createArticle = (api: Api, input: ArticleInput) => ok(api.POST('/api/kb/articles', { body: input }));

/** Saves the fields given over version `version`; a teammate's save since is a 409 (see staleSave). */
export const saveArticle = (api: Api, id: string, version: number, input: ArticleInput) =>
  ok(api.PUT('/api/kb/articles/{id}', { params: { path: { id } }, body: input, headers: { 'If-Match': articleTag(version) } }));

export const publishArticle = (api: Api, id: string) => ok(api.POST('/api/kb/articles/{id}/publish', { params: { path: { id } } }));

export const previewQuery = (api: Api, body: string) =>
  queryOptions({
    queryKey: [...kbKey, 'preview', body],
    queryFn: ({ signal }) => ok(api.POST('/api/kb/preview', { signal, body: { body } })),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });

export const revisionsQuery = (api: Api, id: string) =>
  queryOptions({
    queryKey: [...kbKey, 'article', id, 'revisions'],
    queryFn: ({ signal }) => ok(api.GET('/api/kb/articles/{id}/revisions', { signal, params: { path: { id } } })),
    select: (list) => list.items,
  });

export const diffQuery = (api: Api, id: string, from: number, to: number) =>
  queryOptions({
    queryKey: [...kbKey, 'article', id, 'diff', from, to],
    queryFn: ({ signal }) => ok(api.GET('/api/kb/articles/{id}/diff', { signal, params: { path: { id } }, ...withQuery({ from, to }) })),
  });

export const restoreRevision = (api: Api, id: string, version: number, seenVersion: number) =>
  ok(
    api.POST('/api/kb/articles/{id}/revisions/{version}/restore', {
      params: { path: { id, version: String(version) } },
      headers: { 'If-Match': articleTag(seenVersion) },
    }),
  );

/** Uploads a pasted or dropped file; answers the Markdown that shows (an image) or links (anything else) it. */
export const uploadFile = (api: Api, file: File) =>
  ok(
    api.POST('/api/kb/files', {
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      ...withQuery({ name: file.name || 'pasted-image.png' }),
    }),
  );

export const createCategory = (api: Api, name: string) => ok(api.POST('/api/kb/categories', { body: { name } }));

export const reorderCategories = (api: Api, names: string[]) => ok(api.PUT('/api/kb/categories', { body: { names } }));

export const siteQuery = (api: Api) =>
  queryOptions({
    queryKey: [...kbKey, 'site'],
    queryFn: ({ signal }) => ok(api.GET('/api/kb/site', { signal })),
    // While changes wait for the publish queue, look again soon: the agent sees it go out.
    refetchInterval: (query) => (query.state.data && !query.state.data.upToDate ? 2_000 : false),
  });

export const publishSite = (api: Api) => ok(api.POST('/api/kb/site/publish'));

export const articleFeedbackQuery = (api: Api, id: string) =>
  queryOptions({
    queryKey: [...kbKey, 'article', id, 'feedback'],
    queryFn: ({ signal }) => ok(api.GET('/api/kb/articles/{id}/feedback', { signal, params: { path: { id } } })),
  });

export const feedbackListQuery = (api: Api) =>
  queryOptions({
    queryKey: [...kbKey, 'feedback'],
    queryFn: ({ signal }) => ok(api.GET('/api/kb/feedback', { signal })),
    select: (list) => list.items,
  });

export const searchMissesQuery = (api: Api) =>
  queryOptions({
    queryKey: [...kbKey, 'search-misses'],
    queryFn: ({ signal }) => ok(api.GET('/api/kb/search-misses', { signal })),
    select: (list) => list.items,
  });

export const deflectionQuery = (api: Api) =>
  queryOptions({
    queryKey: [...kbKey, 'deflection'],
    queryFn: ({ signal }) => ok(api.GET('/api/kb/deflection', { signal })),
    select: (report) => report.weeks,
  });

export const contactSettingsQuery = (api: Api) =>
  queryOptions({
    queryKey: [...kbKey, 'contact-settings'],
    queryFn: ({ signal }) => ok(api.GET('/api/kb/contact-settings', { signal })),
  });

export const saveContactSettings = (api: Api, settings: ContactSettings) => ok(api.PUT('/api/kb/contact-settings', { body: settings }));

export const articleFromReply = (api: Api, conversationId: string, messageId: string) =>
  ok(api.POST('/api/conversations/{id}/messages/{messageId}/article', { params: { path: { id: conversationId, messageId } } }));

/** What a 409 to a save says: who saved which version, which fields changed, the body lines they changed, their article. */
export interface StaleSave {
  detail: string;
  currentVersion: number;
  changedFields: string[];
  changes: DiffLine[];
  current: Article;
}

/** The stale-save details of an error, or null when it is some other failure (a taken slug is a 409 too). */
export function staleSave(error: unknown): StaleSave | null {
  if (!(error instanceof ApiError) || error.status !== 409 || typeof error.body !== 'object' || error.body === null) return null;
  const body = error.body as Record<string, unknown>;
  if (typeof body.currentVersion !== 'number' || typeof body.current !== 'object' || body.current === null) return null;
  return {
    detail: error.detail ?? error.message,
    currentVersion: body.currentVersion,
    changedFields: Array.isArray(body.changedFields) ? (body.changedFields as string[]) : [],
    changes: Array.isArray(body.changes) ? (body.changes as DiffLine[]) : [],
    current: body.current as Article,
  };
}

/** A link to a published article for an email: absolute, whether the API gave a site path or a full address. */
export const articleLink = (publicUrl: string) => new URL(publicUrl, location.origin).href;
