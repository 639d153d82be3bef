/** Namespace URIs of the SCAP documents Customs reads and writes. */
export const NS = {
  ds: 'http://scap.nist.gov/schema/scap/source/1.2',
  xlink: 'http://www.w3.org/1999/xlink',
  xccdf12: 'http://checklists.nist.gov/xccdf/1.2',
  xccdf11: 'http://checklists.nist.gov/xccdf/1.1',
  ovalDef: 'http://oval.mitre.org/XMLSchema/oval-definitions-5',
  ovalInd: 'http://oval.mitre.org/XMLSchema/oval-definitions-5#independent',
  ovalUnix: 'http://oval.mitre.org/XMLSchema/oval-definitions-5#unix',
  ovalLinux: 'http://oval.mitre.org/XMLSchema/oval-definitions-5#linux',
  cpeDict: 'http://cpe.mitre.org/dictionary/2.0',
  cpeLang: 'http://cpe.mitre.org/language/2.0',
  arf: 'http://scap.nist.gov/schema/asset-reporting-format/1.1',
} as const;

/** The check system of OVAL definitions, as XCCDF names it. */
export const OVAL_SYSTEM = NS.ovalDef;
