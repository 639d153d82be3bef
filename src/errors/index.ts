export * from './customs-error.js';
export * from './cancellation.js';
