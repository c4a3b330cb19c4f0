import './ratings.css';
import { ratingWord } from './ratingWords.ts';

/** The customer's latest rating of a reply, as a small badge in the inbox row. */
export function RatingBadge({ rating }: { rating: string | null | undefined }) {
  const word = ratingWord(rating);
  return word ? <span class={`rating rating-${rating}`}>Rated {word}</span> : null;
}
