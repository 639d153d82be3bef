import type { DatabaseStatus } from '../../../vulndb/store/types.js';
import { numberParam } from '../../trigger-params/read-params.js';
import type { BuiltinTrigger } from '../types.js';

const DAY_MS = 86_400_000;

/** When the database was last synced: its newest sync, else its providers' newest; epoch ms. */
export function lastSyncOf(database: Partial<DatabaseStatus> | undefined): number | undefined {
  const providers = Array.isArray(database?.providers) ? database.providers : [];
  const times = [database?.lastSync, ...providers.map((p) => p?.lastSync)]
    .map((text) => (typeof text === 'string' ? Date.parse(text) : NaN))
    .filter((time) => !Number.isNaN(time));
  return times.length ? Math.max(...times) : undefined;
}

/** Fires once when the vulnerability data is older than N days, or when nothing says when it was synced. */
export const staleFeedDataTrigger: BuiltinTrigger = {
  name: 'stale_feed_data',
  description:
    'Fires when the vulnerability database was last synced more than max_days_since_sync days ago, or was never synced.',
  params: [
    {
      name: 'max_days_since_sync',
      type: 'int',
      required: true,
      description: 'Days since the last sync of the vulnerability data beyond which the trigger fires.',
    },
  ],
  evaluate(context, params) {
    const days = numberParam(params, 'max_days_since_sync');
    if (days === undefined) return [];
    const identity = `max_days_since_sync=${days}`;
    const synced = lastSyncOf(context.scan?.database);
    if (synced === undefined) {
      return [{ message: `The vulnerability data has never been synced (limit: ${days} days)`, identity }];
    }
    if (synced >= context.now.getTime() - days * DAY_MS) return [];
    const age = Math.floor((context.now.getTime() - synced) / DAY_MS);
    const when = new Date(synced).toISOString();
    return [
      {
        message: `The vulnerability data was last synced ${age} days ago (${when}), more than ${days} days`,
        identity,
      },
    ];
  },
};
