import type { FileEntry, SecretFinding } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { SeverityBadge } from '../../components/severity.js';
import { Status } from '../../components/status.js';

const NOTABLE = new Set(['setuid', 'setgid', 'world-writable']);

/** Secrets found (only their redacted lines are ever stored) and setuid, setgid or world-writable files. */
export function FilesTab({ digest }: { digest: string }) {
  const secrets = useApi<{ content: SecretFinding[] }>(`/images/${digest}/content/secrets`);
  const files = useApi<{ content: FileEntry[] }>(`/images/${digest}/content/files`);
  const notable = (files.data?.content ?? []).filter((f) => f.flags?.some((flag) => NOTABLE.has(flag)));
  return (
    <section aria-label="Secrets and files">
      <h2>Secrets</h2>
      <Status loading={secrets.loading && !secrets.data} error={secrets.error} />
      {secrets.data && secrets.data.content.length === 0 && <p class="muted">No secrets found.</p>}
      {secrets.data && secrets.data.content.length > 0 && (
        <table class="grid" aria-label="Secrets">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">What</th>
              <th scope="col">Where</th>
              <th scope="col">Line (redacted)</th>
            </tr>
          </thead>
          <tbody>
            {secrets.data.content.map((s) => (
              <tr key={`${s.path}:${s.line}:${s.ruleId}`}>
                <td>
                  <SeverityBadge severity={s.severity.charAt(0) + s.severity.slice(1).toLowerCase()} />
                </td>
                <td>{s.title}</td>
                <td>
                  <code>
                    {s.path}:{s.line}
                  </code>
                </td>
                <td>
                  <code>{s.match}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Files of note</h2>
      <Status loading={files.loading && !files.data} error={files.error} />
      {files.data && notable.length === 0 && <p class="muted">No setuid, setgid or world-writable files.</p>}
      {notable.length > 0 && (
        <table class="grid" aria-label="Files of note">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Mode</th>
              <th scope="col">Owner</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {notable.map((f) => (
              <tr key={f.path}>
                <td>
                  <code>{f.path}</code>
                </td>
                <td>
                  <code>{f.modeText}</code>
                </td>
                <td>
                  {f.uid}:{f.gid}
                </td>
                <td>{(f.flags ?? []).filter((flag) => NOTABLE.has(flag)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
