import { useState } from 'preact/hooks';
import { useApi } from '../api/use-api.js';
import { EventList } from './events/event-list.js';
import type { WebhookView } from './events/event-types.js';
import { SubscriptionsPanel } from './events/subscriptions-panel.js';
import { WebhooksPanel } from './events/webhooks-panel.js';

/** What happened (the live event list) and where it is sent (webhooks and their subscriptions). */
export function EventsPage() {
  const webhooks = useApi<WebhookView[]>('/webhooks');
  const [version, setVersion] = useState(0);
  const changed = () => {
    webhooks.reload();
    setVersion((v) => v + 1);
  };
  return (
    <section>
      <h1>Events and notifications</h1>
      <div class="columns">
        <div>
          <WebhooksPanel webhooks={webhooks} onChange={changed} />
          <SubscriptionsPanel webhooks={webhooks.data ?? []} version={version} />
        </div>
        <EventList />
      </div>
    </section>
  );
}
