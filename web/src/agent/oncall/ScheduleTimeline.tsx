import { useNow } from '../../shared/ui/useNow.ts';
import type { Schedule, Timeline } from '../api/oncall.ts';
import { useAgentNames } from './AgentName.tsx';
import { bothZones, viewerZone } from './bandText.ts';
import { dayTicks, initials, nowPosition, placeSpans, type Span } from './timelineLayout.ts';

interface Row {
  label: string;
  spans: Span[];
  /** The final row: its gaps say "Nobody on call". */
  final?: boolean;
}

/**
 * The schedule drawn as on-call tools draw it: days left to right, one row per layer, then the overrides, then who is
 * finally on call; a line marks now. Each band names the agent (initials and name) and, on hover or to a screen reader,
 * its hours on the viewer's clock and the schedule's.
 */
export function ScheduleTimeline({ schedule, timeline }: { schedule: Schedule; timeline: Timeline }) {
  const now = useNow();
  const nameOf = useAgentNames();
  const zone = schedule.timeZoneId;
  const rows: Row[] = [
    ...timeline.layers.map((layer) => ({ label: layer.name, spans: layer.bands })),
    { label: 'Overrides', spans: schedule.overrides },
    { label: 'On call', spans: timeline.bands, final: true },
  ];
  const marker = nowPosition(timeline, now);
  const describe = (span: Span) =>
    `${span.agentId ? nameOf(span.agentId) : 'Nobody on call'}: ${bothZones(span.start, zone)} – ${bothZones(span.end, zone)}`;
  return (
    <figure class="oncall-timeline">
      <figcaption>
        Two weeks from today, days in your time zone ({viewerZone()}); the schedule runs on {zone}.
      </figcaption>
      <div class="timeline-grid" role="group" aria-label={`Timeline of ${timeline.name}`}>
        <div class="timeline-row timeline-scale" aria-hidden="true">
          <span class="row-label" />
          <div class="row-track">
            {dayTicks(timeline, viewerZone()).map((tick) => (
              <span key={tick.left} class="day-tick" style={{ left: `${tick.left}%` }}>
                {tick.label}
              </span>
            ))}
          </div>
        </div>
        {rows.map((row) => (
          <div key={row.label} class={row.final ? 'timeline-row timeline-final' : 'timeline-row'} role="list" aria-label={row.label}>
            <span class="row-label">{row.label}</span>
            <div class="row-track">
              {placeSpans(timeline, row.spans).map((span) => (
                <div
                  key={`${span.start}-${span.agentId}`}
                  role="listitem"
                  class={span.agentId ? 'timeline-band' : 'timeline-band timeline-gap'}
                  style={{ left: `${span.left}%`, width: `${span.width}%` }}
                  title={describe(span)}
                  aria-label={describe(span)}
                >
                  {span.agentId ? (
                    <>
                      <span class="avatar">{initials(nameOf(span.agentId))}</span>
                      <span class="band-name">{nameOf(span.agentId)}</span>
                    </>
                  ) : (
                    row.final && <span class="band-name">Nobody</span>
                  )}
                </div>
              ))}
            </div>
          </div>
        ))}
        {marker !== null && (
          <div class="now-marker" style={{ '--now-fraction': String(marker / 100) }} role="note" aria-label={`Now, ${bothZones(now.toISOString(), zone)}`} />
        )}
      </div>
      <HandOffs timeline={timeline} zone={zone} now={now} nameOf={nameOf} />
    </figure>
  );
}

/** The coming hand-offs of the final row as a list: when, on both clocks, and who takes over. */
function HandOffs({ timeline, zone, now, nameOf }: { timeline: Timeline; zone: string; now: Date; nameOf: (id: string | null) => string }) {
  const coming = timeline.bands.filter((band) => Date.parse(band.start) > now.getTime());
  if (coming.length === 0) return null;
  return (
    <>
      <h4>Hand-offs</h4>
      <ol class="hand-offs" aria-label="Hand-offs">
        {coming.map((band) => (
          <li key={band.start}>
            <time dateTime={band.start}>{bothZones(band.start, zone)}</time>: {band.agentId ? nameOf(band.agentId) : 'nobody'} takes over
          </li>
        ))}
      </ol>
    </>
  );
}
