export * from './auth.js';
export * from './platform.js';
export * from './partners.js';
export * from './rhythm.js';
export * from './compliance.js';
export * from './imports.js';
export * from './deals.js';
