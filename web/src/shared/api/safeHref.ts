/**
 * The URL if a link to it is safe to render (http, https, or relative to `base`); undefined otherwise,
 * so a `javascript:` or `data:` address that reached the API can never become a clickable link.
 */
export function safeHref(url: string | null | undefined, base: string): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol } = new URL(url, base);
    return protocol === 'http:' || protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
