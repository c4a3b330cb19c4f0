import './ratings.css';
import type { Schema } from '../../shared/api/client.ts';
import { formatDateTime } from '../../shared/format/relativeTime.ts';
import { ratingWord } from './ratingWords.ts';

export type Rating = Schema<'RatingView'>;

/** Under a rated reply: what the customer clicked and the comment they may have added. */
export function ReplyRating({ rating }: { rating: Rating }) {
  const word = ratingWord(rating.rating);
  if (!word) return null;
  return (
    <aside class={`reply-rating rating-${rating.rating}`} aria-label="Customer rating">
      <p>
        The customer rated this reply <strong>{word}</strong> <time dateTime={rating.ratedAt}>{formatDateTime(new Date(rating.ratedAt))}</time>
      </p>
      {rating.comment && <blockquote>{rating.comment}</blockquote>}
    </aside>
  );
}
