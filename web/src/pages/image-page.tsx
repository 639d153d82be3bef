import type { ImageView } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';
import { bytes, when } from '../format.js';
import { href } from '../route.js';
import { DiffTab } from './image/diff-tab.js';
import { FilesTab } from './image/files-tab.js';
import { HistoryTab } from './image/history-tab.js';
import { ImageTrend } from './image/image-trend.js';
import { LayersTab } from './image/layers-tab.js';
import { PackagesTab } from './image/packages-tab.js';
import { PolicyTab } from './image/policy-tab.js';
import { Provenance } from './image/provenance.js';
import { VulnerabilitiesTab } from './image/vulnerabilities-tab.js';

const TABS = [
  ['vulnerabilities', 'Vulnerabilities'],
  ['packages', 'Packages'],
  ['policy', 'Policy'],
  ['layers', 'Layers'],
  ['files', 'Secrets and files'],
  ['diff', 'Changes'],
  ['history', 'History'],
] as const;

/** One image: its summary and a tab per kind of finding. */
export function ImagePage({ digest, tab = 'vulnerabilities' }: { digest: string; tab?: string | undefined }) {
  const image = useApi<ImageView>(`/images/${digest}`);
  const meta = image.data?.image_content.metadata;
  const summary = image.data?.summary;
  return (
    <section>
      <p>
        <a href={href()}>← Images</a>
      </p>
      <h1 class="digest-title">{image.data?.image_detail[0]?.fulltag ?? digest}</h1>
      <Status loading={image.loading && !image.data} error={image.error} />
      {image.data && meta && (
        <dl class="summary">
          <dt>Digest</dt>
          <dd>
            <code>{digest}</code>
          </dd>
          <dt>Tags</dt>
          <dd>{image.data.image_detail.map((t) => t.fulltag).join(', ') || '—'}</dd>
          <dt>Status</dt>
          <dd>{image.data.analysis_status.replace('_', ' ')}</dd>
          <dt>Distro</dt>
          <dd>{[meta.distro, meta.distro_version].filter(Boolean).join(' ') || '—'}</dd>
          <dt>Platform</dt>
          <dd>{[meta.os, meta.arch].filter(Boolean).join('/') || '—'}</dd>
          <dt>Size</dt>
          <dd>{bytes(meta.image_size)}</dd>
          <dt>Layers</dt>
          <dd>{meta.layer_count ?? '—'}</dd>
          <dt>Analyzed</dt>
          <dd>{when(image.data.analyzed_at)}</dd>
          <dt>Grade</dt>
          <dd data-testid="image-grade">{summary?.grade ?? '—'}</dd>
          <dt>Last result</dt>
          <dd>
            {summary?.policy
              ? `${summary.policy.final_action.toUpperCase()} (${summary.policy.status})` +
                (summary.policy.gate ? ` by ${summary.policy.gate}/${summary.policy.trigger}` : '')
              : 'not evaluated'}
          </dd>
        </dl>
      )}
      {image.data?.provenance && <Provenance digest={digest} provenance={image.data.provenance} />}
      {image.data?.analysis_status === 'analyzed' && <ImageTrend digest={digest} />}
      {image.data?.analysis_status === 'analyzed' && (
        <>
          <nav class="tabs" aria-label="Image details">
            {TABS.map(([id, label]) => (
              <a key={id} href={href('images', digest, id)} aria-current={tab === id ? 'page' : undefined}>
                {label}
              </a>
            ))}
          </nav>
          {tab === 'packages' ? (
            <PackagesTab digest={digest} />
          ) : tab === 'policy' ? (
            <PolicyTab digest={digest} />
          ) : tab === 'layers' ? (
            <LayersTab digest={digest} />
          ) : tab === 'files' ? (
            <FilesTab digest={digest} />
          ) : tab === 'diff' ? (
            <DiffTab image={image.data} />
          ) : tab === 'history' ? (
            <HistoryTab digest={digest} />
          ) : (
            <VulnerabilitiesTab digest={digest} />
          )}
        </>
      )}
      {image.data?.failure_reason && (
        <p class="error" role="alert">
          Analysis failed: {image.data.failure_reason}
        </p>
      )}
    </section>
  );
}
