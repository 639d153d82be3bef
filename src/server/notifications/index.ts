export {
  verifySignature,
  signatureHeader,
  NOTIFICATION_HEADERS,
  DEFAULT_TOLERANCE_SECONDS,
} from './signature.js';
export type { SignatureCheck } from './signature.js';
export {
  startDeliveryLoop,
  deliverDue,
  type DeliverySettings,
  type RunningDeliveries,
} from './delivery-loop.js';
export { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './backoff.js';
export { guardedDispatcher, checkWebhookUrl, type AllowedHosts } from './guarded-dispatcher.js';
export { openWebhook, sendNotification, type SendOutcome } from './send-notification.js';
export { WebhookRefusedError } from './webhook-refused.js';
