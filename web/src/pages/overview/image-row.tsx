import { memo } from 'preact/compat';
import type { ImageView } from '../../api/types.js';
import { shortDigest, when } from '../../format.js';
import { href } from '../../route.js';
import { CountCells, GradeCell, PolicyCell } from './summary-cells.js';

/** One image of the overview; drawn again only when its record changes. */
export const ImageRow = memo(function ImageRow({ image }: { image: ImageView }) {
  const tags = image.image_detail;
  return (
    <tr>
      <td>
        <a href={href('images', image.imageDigest)}>{tags[0]?.fulltag ?? image.imageDigest}</a>
        {tags.length > 1 && <span class="muted"> +{tags.length - 1}</span>}
        <br />
        <code class="muted">{shortDigest(image.imageDigest)}</code>
      </td>
      <GradeCell summary={image.summary} />
      <PolicyCell summary={image.summary} />
      <CountCells summary={image.summary} />
      <td>
        <span class={`badge status-${image.analysis_status}`}>{image.analysis_status.replace('_', ' ')}</span>
      </td>
      <td>
        {[image.image_content.metadata.distro, image.image_content.metadata.distro_version]
          .filter(Boolean)
          .join(' ') || '—'}
      </td>
      <td>{when(image.analyzed_at)}</td>
    </tr>
  );
});
