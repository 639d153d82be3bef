import type { FeedItem, KevEntry } from '../../model.js';
import type { FeedFile, FeedParser } from '../types.js';
import { readJsonFeed } from '../feed-document.js';

const PROVIDER = 'kev';
const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** One catalog entry, or why it cannot be used. */
function readEntry(entry: unknown): KevEntry | string {
  if (!isObject(entry)) return 'entry is not an object';
  const cve = text(entry.cveID);
  if (!cve || !CVE_ID.test(cve)) return `cveID ${JSON.stringify(entry.cveID)} is not a CVE id`;
  const dateAdded = text(entry.dateAdded);
  if (!dateAdded || !DATE.test(dateAdded))
    return `${cve}: dateAdded ${JSON.stringify(entry.dateAdded)} is not YYYY-MM-DD`;
  const kev: KevEntry = { cve, dateAdded };
  const dueDate = text(entry.dueDate);
  if (dueDate && DATE.test(dueDate)) kev.dueDate = dueDate;
  // `Known` or `Unknown` in the catalog; anything else says nothing.
  const ransomware = text(entry.knownRansomwareCampaignUse)?.toLowerCase();
  if (ransomware === 'known') kev.knownRansomwareCampaignUse = true;
  else if (ransomware === 'unknown') kev.knownRansomwareCampaignUse = false;
  const vendorProject = text(entry.vendorProject);
  const product = text(entry.product);
  if (vendorProject) kev.vendorProject = vendorProject;
  if (product) kev.product = product;
  return kev;
}

function* parseKev(file: FeedFile): Iterable<FeedItem> {
  const read = readJsonFeed(file);
  if (!read.ok) {
    yield read.rejected;
    return;
  }
  const doc = read.doc;
  if (!isObject(doc) || !Array.isArray(doc.vulnerabilities)) {
    yield { kind: 'rejected', location: file.location, reason: 'not a KEV catalog: no vulnerabilities list' };
    return;
  }
  for (const [i, entry] of doc.vulnerabilities.entries()) {
    const kev = readEntry(entry);
    if (typeof kev === 'string')
      yield { kind: 'rejected', location: `${file.location}#vulnerabilities[${i}]`, reason: kev };
    else yield { kind: 'kev', entry: kev };
  }
}

/** CISA's Known Exploited Vulnerabilities catalog (`known_exploited_vulnerabilities.json`). */
export const kevParser: FeedParser = {
  name: PROVIDER,
  detect(file: FeedFile): boolean {
    if (!/\.json$/i.test(file.name)) return false;
    return /"catalogVersion"\s*:/.test(file.content.subarray(0, 4096).toString('utf8'));
  },
  parse: parseKev,
};
