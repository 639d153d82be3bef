// The vulnerability data model lives in src/model (the ground floor); the database speaks it.
export * from '../model/vulnerability.js';
