export { writeBackup, type BackupSummary } from './backup.js';
export { restoreBackup, type RestoreOptions } from './restore.js';
export { checkBackupFile, type FileSummary } from './check.js';
export { BackupFileError } from './format.js';
export { readTables, tableChecksums } from './catalogue.js';
export { inTransaction } from './session.js';

/** partnerhub-backup-2026-11-03T10-15-00Z.jsonl.gz: sorts by time, and is a valid name on every file system. */
export const backupFileName = (at: Date) =>
  `partnerhub-backup-${at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')}.jsonl.gz`;
