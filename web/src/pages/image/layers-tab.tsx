import type { HistoryEntry } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { Status } from '../../components/status.js';

/** The image's history: each layer with the Dockerfile line that made it. */
export function LayersTab({ digest }: { digest: string }) {
  const history = useApi<{ metadata: HistoryEntry[] }>(`/images/${digest}/metadata/docker_history`);
  const entries = history.data?.metadata ?? [];
  return (
    <section aria-label="Layers">
      <Status loading={history.loading && !history.data} error={history.error} />
      {history.data && (
        <ol class="layers">
          {entries.map((entry, i) => (
            <li key={i} class={entry.empty_layer ? 'empty-layer' : undefined}>
              <code class="dockerfile">{dockerfileLine(entry.created_by)}</code>
              <span class="muted">{entry.empty_layer ? ' (no layer)' : ''}</span>
            </li>
          ))}
          {entries.length === 0 && <li class="muted">The image records no history.</li>}
        </ol>
      )}
    </section>
  );
}

/** `/bin/sh -c #(nop)  CMD ["x"]` → `CMD ["x"]`; `/bin/sh -c apt-get …` → `RUN apt-get …`. */
function dockerfileLine(createdBy: string | undefined): string {
  if (!createdBy) return '—';
  const nop = /^\/bin\/sh -c #\(nop\)\s+(.*)$/s.exec(createdBy);
  if (nop) return nop[1]!.trim();
  const run = /^\/bin\/sh -c (.*)$/s.exec(createdBy);
  if (run) return `RUN ${run[1]!.trim()}`;
  return createdBy.replace(/ # buildkit$/, '');
}
