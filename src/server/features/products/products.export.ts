import type { tFor } from '../../i18n.js';
import type { ExportColumn } from '../../lib/table-export.js';
import type { Product } from './products.service.js';

/** The catalogue's columns as its page shows them, in the reader's language; keys name them in `columns=`. */
export function productColumns(t: ReturnType<typeof tFor>): ExportColumn<Product>[] {
  return [
    { key: 'name', header: t('products:list.name'), value: (p) => p.name },
    { key: 'description', header: t('products:list.descriptionColumn'), value: (p) => p.description },
  ];
}
