/** The Linux distribution an image is built on, as its release files say. */
export interface Distro {
  /** os-release ID, lowercase: debian, ubuntu, alpine, rhel, ... */
  id: string;
  /** os-release VERSION_ID, e.g. "12" or "3.19.1"; empty when the release has none (sid, edge). */
  versionId: string;
  versionCodename?: string;
  name?: string;
  prettyName?: string;
  idLike?: string[];
  /** Which file the answer came from. */
  source?: string;
}
