/** Where an image was read from. */
export type SourceType = 'registry' | 'oci-dir' | 'oci-archive' | 'docker-archive' | 'dir';
