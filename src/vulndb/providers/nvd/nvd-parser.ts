import type { Cvss, FeedItem, Severity, Vulnerability } from '../../model.js';
import { cvssFromVector, severityFromScore } from '../../cvss/index.js';
import type { FeedFile, FeedParser } from '../types.js';
import { cpeAffected } from './cpe-match.js';
import { readJsonFeed } from '../feed-document.js';

const PROVIDER = 'nvd';
/** Newest CVSS version first: the first that has a metric decides the severity. */
const METRIC_KEYS = ['cvssMetricV40', 'cvssMetricV31', 'cvssMetricV30', 'cvssMetricV2'];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** NVD writes UTC timestamps without a zone (`2022-07-11T13:15:08.503`). */
function utc(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return /(?:Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
}

interface Metric {
  cvss: Cvss;
  primary: boolean;
}

function metricsOf(cve: Json): Metric[][] {
  const metrics = isObject(cve.metrics) ? cve.metrics : {};
  return METRIC_KEYS.map((key) => {
    const list = Array.isArray(metrics[key]) ? (metrics[key] as unknown[]) : [];
    return list.flatMap((metric): Metric[] => {
      if (!isObject(metric) || !isObject(metric.cvssData)) return [];
      const { vectorString, baseScore, version } = metric.cvssData;
      if (typeof vectorString !== 'string') return [];
      const source = typeof metric.source === 'string' ? metric.source : undefined;
      // The feed's own score is kept; the vector is scored only when the feed gave none.
      const cvss: Cvss | undefined =
        typeof baseScore === 'number' && typeof version === 'string'
          ? { version, vector: vectorString, baseScore, ...(source ? { source } : {}) }
          : cvssFromVector(vectorString, source);
      return cvss ? [{ cvss, primary: metric.type === 'Primary' }] : [];
    });
  });
}

function severityOf(metrics: Metric[][]): Severity {
  for (const list of metrics) {
    const chosen = list.find((metric) => metric.primary) ?? list[0];
    if (chosen) return severityFromScore(chosen.cvss.baseScore, chosen.cvss.version);
  }
  return 'unknown';
}

function* readCve(cve: Json, where: string): Iterable<FeedItem> {
  const id = typeof cve.id === 'string' ? cve.id.trim() : '';
  if (id === '') {
    yield { kind: 'rejected', location: where, reason: 'CVE entry without an id' };
    return;
  }
  const metrics = metricsOf(cve);
  const references = new Set<string>();
  for (const ref of Array.isArray(cve.references) ? cve.references : []) {
    if (isObject(ref) && typeof ref.url === 'string') references.add(ref.url);
  }
  const vulnerability: Vulnerability = {
    id,
    aliases: [],
    severity: severityOf(metrics),
    cvss: metrics.flat().map((metric) => metric.cvss),
    references: [...references],
    provider: PROVIDER,
  };
  const descriptions = Array.isArray(cve.descriptions) ? cve.descriptions : [];
  const english = descriptions.find((d) => isObject(d) && d.lang === 'en' && typeof d.value === 'string');
  if (isObject(english)) vulnerability.description = String(english.value).trim();
  const published = utc(cve.published);
  const modified = utc(cve.lastModified);
  if (published) vulnerability.published = published;
  if (modified) vulnerability.modified = modified;
  if (cve.vulnStatus === 'Rejected') vulnerability.withdrawn = modified ?? published ?? '';
  const { affected, invalid } = cpeAffected(id, cve.configurations);
  for (const criteria of invalid) {
    yield {
      kind: 'rejected',
      location: `${where} (${id})`,
      reason: `unreadable CPE match criteria ${criteria}`,
    };
  }
  yield { kind: 'vulnerability', vulnerability, affected };
}

function* parseNvd(file: FeedFile): Iterable<FeedItem> {
  const read = readJsonFeed(file);
  if (!read.ok) {
    yield read.rejected;
    return;
  }
  const doc = read.doc;
  if (!isObject(doc) || doc.format !== 'NVD_CVE' || !Array.isArray(doc.vulnerabilities)) {
    yield {
      kind: 'rejected',
      location: file.location,
      reason: 'not an NVD CVE API 2.0 response (format NVD_CVE)',
    };
    return;
  }
  for (const [i, item] of doc.vulnerabilities.entries()) {
    const where = `${file.location}#vulnerabilities[${i}]`;
    if (!isObject(item) || !isObject(item.cve))
      yield { kind: 'rejected', location: where, reason: 'entry without a cve object' };
    else yield* readCve(item.cve, where);
  }
}

/** NVD CVE API 2.0 responses (`/rest/json/cves/2.0`), as saved files or pages from NvdClient. */
export const nvdParser: FeedParser = {
  name: PROVIDER,
  detect(file: FeedFile): boolean {
    return /"format"\s*:\s*"NVD_CVE"/.test(file.content.subarray(0, 4096).toString('utf8'));
  },
  parse: parseNvd,
};
