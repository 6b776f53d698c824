// Administration → Backup.
export default {
  page: {
    title: 'Backup',
    description: 'Every table and every stored document in one file, consistent at one moment.',
  },
  download: {
    title: 'Download a backup',
    body: 'The file is made while you wait and streams to your browser; with many documents it takes a while. Each download is recorded in the audit trail.',
    button: 'Download backup',
  },
  restore: {
    title: 'Restore or move',
    body: 'Restore the file with the same version of Partnerhub into an empty database: the embedded one, or a PostgreSQL server named by DATABASE_URL. This is also how a team moves from the embedded database to a server. Stop the app while it runs.',
    command: 'npx partnerhub restore FILE',
  },
  careful: {
    title: 'Keep it safe',
    body: 'The file holds everything, password hashes included: store it as carefully as the database itself.',
  },
};
