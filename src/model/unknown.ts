/** A located parse failure: the scan went on, and this says what could not be read, and where. */
export interface Unknown {
  path: string;
  layer?: string;
  cataloger?: string;
  message: string;
}
