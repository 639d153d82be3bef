import type { DerivedImagesView, ProvenanceImageView, ProvenanceView } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { shortDigest } from '../../format.js';
import { href } from '../../route.js';

function ImageLink({ image }: { image: ProvenanceImageView }) {
  return (
    <a href={href('images', image.digest)} title={image.digest}>
      {image.tags[0] ?? shortDigest(image.digest)}
    </a>
  );
}

/**
 * Where the image comes from and what it is built on: its registry and repository, the chain of
 * the account's images whose layers it starts with (outermost first), and those built on it.
 */
export function Provenance({ digest, provenance }: { digest: string; provenance: ProvenanceView }) {
  const derived = useApi<DerivedImagesView>(`/images/${digest}/derived?direct=true&limit=20`);
  const origin = [provenance.registry, provenance.repository].filter(Boolean).join('/');
  return (
    <section aria-label="Provenance" class="provenance">
      <h2>Provenance</h2>
      <dl class="summary">
        <dt>From</dt>
        <dd>{origin || 'an upload (no registry)'}</dd>
        <dt>Built on</dt>
        <dd data-testid="base-chain">
          {provenance.base_images.length === 0 ? (
            'no known base image'
          ) : (
            <ol class="base-chain">
              {provenance.base_images.map((level) => (
                <li key={level.layer_count}>
                  {level.images.map((image, i) => (
                    <span key={image.digest}>
                      {i > 0 && ' = '}
                      <ImageLink image={image} />
                    </span>
                  ))}{' '}
                  <span class="muted">
                    ({level.layer_count} layers, {level.layers_added} added)
                  </span>
                </li>
              ))}
            </ol>
          )}
        </dd>
        <dt>Own layers</dt>
        <dd>
          {provenance.own_layers
            ? `${provenance.own_layers.count} of ${provenance.layer_count ?? '?'}`
            : 'unknown (layer digests missing)'}
        </dd>
        {provenance.same_layers.length > 0 && (
          <>
            <dt>Same layers as</dt>
            <dd>
              {provenance.same_layers.map((image, i) => (
                <span key={image.digest}>
                  {i > 0 && ', '}
                  <ImageLink image={image} />
                </span>
              ))}
            </dd>
          </>
        )}
        <dt>Built on it</dt>
        <dd data-testid="derived">
          {derived.data && derived.data.images.length > 0
            ? derived.data.images.map((image, i) => (
                <span key={image.digest}>
                  {i > 0 && ', '}
                  <ImageLink image={image} />
                </span>
              ))
            : derived.error
              ? '—'
              : derived.data
                ? 'no known image'
                : '…'}
        </dd>
      </dl>
    </section>
  );
}
