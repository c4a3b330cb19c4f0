import { kbContactFormHref, kbInsightsHref, knowledgeBaseHref } from '../routing.ts';

const pages = [
  { key: 'articles', href: knowledgeBaseHref, label: 'Articles' },
  { key: 'insights', href: kbInsightsHref, label: 'Reader feedback' },
  { key: 'contact', href: kbContactFormHref, label: 'Contact form' },
] as const;

/** The knowledge base's own tabs; the public site opens in a new tab (the local host serves it under /kb/). */
export function KbNav({ current }: { current: (typeof pages)[number]['key'] | 'article' }) {
  return (
    <nav class="kb-nav" aria-label="Knowledge base">
      {pages.map((page) => (
        <a key={page.key} href={page.href} aria-current={page.key === current ? 'page' : undefined}>
          {page.label}
        </a>
      ))}
      <a href="/kb/" target="_blank" rel="noopener">
        Public site
      </a>
    </nav>
  );
}
