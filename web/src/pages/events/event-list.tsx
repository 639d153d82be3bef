import { useState } from 'preact/hooks';
import { Status } from '../../components/status.js';
import { shortDigest, when } from '../../format.js';
import { href } from '../../route.js';
import { EventDetails } from './event-details.js';
import { EVENT_TYPE_NAMES, typeLabel } from './event-types.js';
import { useLiveEvents } from './use-live-events.js';

/** The live list: newest first, filtered by type, new events added as they are recorded. */
export function EventList() {
  const [type, setType] = useState('');
  const live = useLiveEvents(type || undefined);
  return (
    <section aria-labelledby="events-heading">
      <div class="toolbar">
        <h2 id="events-heading">Events</h2>
        <label>
          Type{' '}
          <select value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value)}>
            <option value="">every type</option>
            {EVENT_TYPE_NAMES.map((t) => (
              <option key={t} value={t}>
                {typeLabel(t)}
              </option>
            ))}
          </select>
        </label>
        {live.events && (
          <span class="muted" data-testid="event-count" aria-live="polite">
            {live.events.length} of {live.total} · updated {live.checkedAt?.toLocaleTimeString()}
          </span>
        )}
      </div>
      <Status loading={!live.events && !live.error} error={live.error} />
      {live.events && (
        <table class="grid" aria-label="Event list">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Type</th>
              <th scope="col">Image</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {live.events.map((event) => (
              <tr key={event.id} data-event-type={event.type}>
                <td>{when(event.at)}</td>
                <td>
                  <span class="badge">{typeLabel(event.type)}</span>
                </td>
                <td>
                  {event.fullTag && <div>{event.fullTag}</div>}
                  {event.digest && (
                    <a href={href('images', event.digest)}>
                      <code>{shortDigest(event.digest)}</code>
                    </a>
                  )}
                </td>
                <td>
                  <EventDetails event={event} />
                </td>
              </tr>
            ))}
            {live.events.length === 0 && (
              <tr>
                <td colSpan={4} class="muted">
                  No events yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
