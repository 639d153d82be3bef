import { CustomsError } from '../../errors/index.js';

/** A webhook URL the SSRF rule refuses (see address-rules.ts), with the address and the reason. */
export class WebhookRefusedError extends CustomsError {
  constructor(message: string) {
    super('forbidden', message);
    this.name = 'WebhookRefusedError';
  }
}
