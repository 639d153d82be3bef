export * from './event-payloads.js';
export { publishEvent, type EventLog } from './publish-event.js';
