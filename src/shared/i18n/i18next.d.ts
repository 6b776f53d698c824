import type { Resources } from './resources.js';

// Typed keys: `t('partners:list.title')` is checked against the English catalogue at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
