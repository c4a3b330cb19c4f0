import type { Timeline } from '../api/oncall.ts';
import { bandText } from './bandText.ts';

/**
 * The timeline as a vertical list, one band per stretch, its height growing with its length so long shifts look long;
 * gaps (nobody on call) are striped and say so.
 */
export function TimelineView({ timeline }: { timeline: Timeline }) {
  const total = Date.parse(timeline.to) - Date.parse(timeline.from);
  return (
    <ol class="timeline" aria-label={`Timeline of ${timeline.name}`}>
      {timeline.bands.map((band) => {
        const { who, when } = bandText(band, timeline.timeZoneId);
        const share = (Date.parse(band.end) - Date.parse(band.start)) / total;
        return (
          <li
            key={band.start}
            class={band.gap ? 'band band-gap' : 'band'}
            style={{ minHeight: `${Math.max(2.25, share * 40).toFixed(2)}rem` }}
          >
            <strong class="band-who">{who}</strong>
            <span class="band-when">{when}</span>
          </li>
        );
      })}
    </ol>
  );
}
