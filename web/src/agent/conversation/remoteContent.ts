/**
 * Remote content in mail HTML, and the policy the message frame runs under. The frame's own Content-Security-Policy
 * (a meta element ahead of the mail) is what blocks remote loads: it covers every way HTML and CSS can fetch an
 * image — img src and srcset, picture sources, CSS url() in style attributes and style elements, background
 * attributes — without rewriting the mail. The page's policy still applies on top (the frame inherits it).
 */

/** Whether the mail would fetch anything from another server if allowed to (an absolute or scheme-relative URL). */
export function hasRemoteContent(html: string): boolean {
  return /(?:\b(?:src|srcset|background|poster|data)\s*=\s*["']?\s*|url\(\s*["']?\s*|@import\s+["']?)(?:https?:)?\/\//i.test(html);
}

export interface FrameOptions {
  /** The agent asked to load this message's remote images. */
  remoteAllowed: boolean;
  /** This app's origin: inline images are served from it (signed links). */
  origin: string;
}

/** The frame's policy: nothing but inline styles and images from here (and data:), plus remote images when allowed. */
export function framePolicy({ remoteAllowed, origin }: FrameOptions): string {
  const images = [origin, 'data:', ...(remoteAllowed ? ['https:', 'http:'] : [])].join(' ');
  return `default-src 'none'; img-src ${images}; style-src 'unsafe-inline'; font-src ${origin} data:; form-action 'none'; base-uri 'none'`;
}

/** The mail HTML with the policy in front of it (after a doctype, so the mail keeps its rendering mode). */
export function framedHtml(html: string, options: FrameOptions): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${framePolicy(options)}">`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? doctype[0] + meta + html.slice(doctype[0].length) : meta + html;
}
