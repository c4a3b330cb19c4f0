// What the customer clicked under a reply ("How did we do?"), as the API names it and as agents read it.

export type RatingName = 'great' | 'okay' | 'not-good';

const words: Record<RatingName, string> = { great: 'great', okay: 'okay', 'not-good': 'not good' };

/** "great", "okay", "not good"; null for anything the API does not send (a rating added later is not guessed at). */
export function ratingWord(rating: string | null | undefined): string | null {
  return rating && rating in words ? words[rating as RatingName] : null;
}
