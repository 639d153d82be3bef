export * from './customs-error.js';
