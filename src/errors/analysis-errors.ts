import { CustomsError } from './customs-error.js';

/** The service tried to analyse the image and could not; `reason` is what it recorded. */
export class AnalysisFailedError extends CustomsError {
  readonly reason: string;

  constructor(subject: string, reason: string) {
    super('analysis-failed', `${subject}: analysis failed: ${reason}`);
    this.name = 'AnalysisFailedError';
    this.reason = reason;
  }
}

/** Waited as long as allowed for something the service had not finished. */
export class WaitTimeoutError extends CustomsError {
  constructor(message: string) {
    super('timeout', message);
    this.name = 'WaitTimeoutError';
  }
}
