import { useQuery } from '@tanstack/preact-query';
import type { ComponentChildren } from 'preact';
import { ColumnHeads } from '../../shared/ui/ColumnHeads.tsx';
import { QueryStatus } from '../../shared/ui/QueryStatus.tsx';
import { digestPreviewQuery, type DigestFigure, type WeeklyDigest } from '../api/digest.ts';
import { useApi } from '../session/session.tsx';

/** The weekly digest as the team will get it on Monday: last week's numbers against the week before, and what customers said. */
export function DigestPreviewPage() {
  const { data: digest, error, isPending } = useQuery(digestPreviewQuery(useApi()));
  return (
    <section class="panel digest-preview">
      <h1>Weekly digest</h1>
      <QueryStatus error={error} pending={isPending} />
      {digest && <Digest digest={digest} />}
    </section>
  );
}

function Digest({ digest }: { digest: WeeklyDigest }) {
  return (
    <>
      <p class="digest-period">
        {digest.week}: {digest.from} to {digest.to}. Sent on Monday to {digest.recipients.length === 1 ? '1 recipient' : `${digest.recipients.length} recipients`}.
      </p>
      <table class="digest-figures" aria-label="The week's numbers">
        <ColumnHeads names={['Figure', 'This week', 'Week before']} />
        <tbody>
          {digest.figures.map((figure) => (
            <tr key={figure.name}>
              <th scope="row">{figure.name}</th>
              <td>{format(figure, figure.thisWeek)}</td>
              <td>{format(figure, figure.lastWeek)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Section title="What customers liked" items={digest.positiveComments.map((c) => <Quote text={c.text} about={c.about} />)} />
      <Section title="What customers did not like" items={digest.negativeComments.map((c) => <Quote text={c.text} about={c.about} />)} />
      <Section
        title="Top feature requests"
        items={digest.featureRequests.map((f) => `${f.name}: ${plural(f.customers, 'customer')}${f.newThisWeek > 0 ? `, ${f.newThisWeek} new this week` : ''}`)}
      />
      <Section title="Articles that helped" items={digest.helpfulArticles.map((a) => `${a.title}: ${plural(a.helpful, 'helpful vote')}`)} />
      <Section title="Searches that found nothing" items={digest.searchesWithoutResults.map((s) => `“${s.query}” (${plural(s.count, 'search', 'searches')})`)} />
    </>
  );
}

function Section({ title, items }: { title: string; items: ComponentChildren[] }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p>None this week.</p>
      ) : (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Quote({ text, about }: { text: string; about: string }) {
  return (
    <>
      <q>{text}</q> <span class="digest-about">({about})</span>
    </>
  );
}

// Doubles may arrive as strings in the OpenAPI types (NaN, Infinity); the digest's figures are finite numbers or null.
function format(figure: DigestFigure, raw: number | string | null | undefined) {
  if (raw === null || raw === undefined) return '–';
  const value = Number(raw);
  if (figure.unit === 'seconds') {
    const hours = value / 3600;
    return hours >= 24 ? `${(hours / 24).toFixed(1)} d` : hours >= 1 ? `${hours.toFixed(1)} h` : `${Math.round(value / 60)} min`;
  }
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return figure.unit === 'percent' ? `${shown} %` : shown;
}

function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
