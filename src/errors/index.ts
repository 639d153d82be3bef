export * from './customs-error.js';
export * from './cancellation.js';
export * from './service-errors.js';
export * from './analysis-errors.js';
export * from './signature-errors.js';
