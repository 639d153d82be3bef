/**
 * The ids in one secfixes entry. Entries are free text in practice: `CVE-2016-10013 XSA-204`,
 * `CVE-2018-14468 (FrameRelay)`, `CVE 2018-16859`, `CVE_2019-2426`, `CVE-2017-8073.patch`,
 * `CVE-2017-17434-1`, `CVE-????-?????  XSA-295`, `GHSA-jq35-85cj-fj4p`, `wnpa-sec-2017-18`.
 * CVE ids are normalised to `CVE-YYYY-NNNN`; other ids are kept as written; words without
 * digits and placeholders are dropped.
 */
export interface SecfixIds {
  cves: string[];
  others: string[];
}

const CVE = /^CVE[-_ ]?(\d{4})[-_](\d{4,})/i;
/** `XSA-204`, `TALOS-2017-0488`, `ZBX-11023`, `wnpa-sec-2017-18`, `GHSA-xxxx-xxxx-xxxx`. */
const OTHER = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)*(?:-[A-Za-z0-9]+)+$/;

export function secfixIds(entry: string): SecfixIds {
  const cves: string[] = [];
  const others: string[] = [];
  // `CVE 2018-16859` is one id written with a blank; join it before splitting on blanks.
  const text = entry.replace(/\bCVE\s+(\d{4}-\d)/gi, 'CVE-$1');
  for (const raw of text.split(/[\s,;]+/)) {
    const token = raw.replace(/^[([{]+|[)\]}.:]+$/g, '');
    const cve = CVE.exec(token);
    if (cve) {
      const id = `CVE-${cve[1]}-${cve[2]}`;
      if (!cves.includes(id)) cves.push(id);
      continue;
    }
    if (/\d/.test(token) && OTHER.test(token) && !others.includes(token)) others.push(token);
  }
  return { cves, others };
}
