import { useMemo, useState } from 'preact/hooks';
import type { VulnerabilityView } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { SEVERITIES, SeverityBadge } from '../../components/severity.js';
import { Status } from '../../components/status.js';

interface VulnList {
  vulnerabilities: VulnerabilityView[];
  scanned_at: string;
}

/** EPSS thresholds offered by the filter: the probability of exploitation in the next 30 days. */
const EPSS_STEPS = [0.01, 0.1, 0.5];

const RANK = new Map<string, number>(SEVERITIES.map((s, i) => [s, i]));

/** The latest scan's matches, filtered by severity, fix, KEV, EPSS and text. */
export function VulnerabilitiesTab({ digest }: { digest: string }) {
  const list = useApi<VulnList>(`/images/${digest}/vuln/all`);
  const [severity, setSeverity] = useState('');
  const [fixed, setFixed] = useState(false);
  const [kev, setKev] = useState(false);
  const [epss, setEpss] = useState(0);
  const [text, setText] = useState('');
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (list.data?.vulnerabilities ?? [])
      .filter((v) => !severity || v.severity === severity)
      .filter((v) => !fixed || v.fix_state === 'fixed')
      .filter((v) => !kev || v.kev === true)
      .filter((v) => !epss || (v.epss ?? 0) >= epss)
      .filter(
        (v) => !needle || v.vuln.toLowerCase().includes(needle) || v.package.toLowerCase().includes(needle),
      )
      .sort(
        (a, b) => (RANK.get(a.severity) ?? 9) - (RANK.get(b.severity) ?? 9) || a.vuln.localeCompare(b.vuln),
      );
  }, [list.data, severity, fixed, kev, epss, text]);
  return (
    <section aria-label="Vulnerabilities">
      <div class="toolbar">
        <label>
          Severity{' '}
          <select
            name="severity"
            value={severity}
            onChange={(e) => setSeverity((e.target as HTMLSelectElement).value)}
          >
            <option value="">Any</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" name="fixed" checked={fixed} onChange={() => setFixed(!fixed)} /> Fix
          available
        </label>
        <label>
          <input type="checkbox" name="kev" checked={kev} onChange={() => setKev(!kev)} /> Known exploited
          (KEV)
        </label>
        <label>
          EPSS{' '}
          <select
            name="epss"
            value={String(epss)}
            onChange={(e) => setEpss(Number((e.target as HTMLSelectElement).value))}
          >
            <option value="0">Any</option>
            {EPSS_STEPS.map((step) => (
              <option key={step} value={String(step)}>
                at least {step * 100}%
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="visually-hidden">Search vulnerabilities</span>
          <input
            type="search"
            placeholder="CVE or package"
            value={text}
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
          />
        </label>
        {list.data && (
          <span class="muted" data-testid="vuln-count">
            {shown.length} of {list.data.vulnerabilities.length}
          </span>
        )}
      </div>
      <Status loading={list.loading && !list.data} error={list.error} />
      {list.data && (
        <table class="grid" aria-label="Vulnerability matches">
          <thead>
            <tr>
              <th scope="col">Vulnerability</th>
              <th scope="col">Severity</th>
              <th scope="col">Package</th>
              <th scope="col">Type</th>
              <th scope="col">Fix</th>
              <th scope="col">KEV</th>
              <th scope="col">EPSS</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((v) => (
              <tr key={`${v.vuln} ${v.package} ${v.package_path}`}>
                <td>
                  {v.url ? (
                    <a href={v.url} target="_blank" rel="noreferrer noopener">
                      {v.vuln}
                    </a>
                  ) : (
                    v.vuln
                  )}
                </td>
                <td>
                  <SeverityBadge severity={v.severity} />
                </td>
                <td>{v.package}</td>
                <td>{v.package_type}</td>
                <td>{v.fix_state === 'fixed' ? v.fix : v.fix_state}</td>
                <td>{v.kev ? 'yes' : ''}</td>
                <td>{v.epss !== undefined ? `${(v.epss * 100).toFixed(1)}%` : ''}</td>
                <td>
                  <code>{v.package_path}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
