import path from 'node:path';

/** Where an uploaded archive is kept: DATA_DIR/uploads/<uploadId> (the worker reads it there). */
export function uploadPath(dataDir: string, uploadId: string): string {
  return path.join(dataDir, 'uploads', uploadId);
}
