/** What other features use of the documents feature: import it from here, not from its files. */
export { getDocument } from './documents.service.js';
export { openStorage, type Storage } from './storage.js';
export { receiveUpload, registerUploadRoutes, type Spooled } from './documents.upload.js';
export { removeQuietly } from './storage.js';
