/** The PostgreSQL server of DATABASE_URL cannot be reached or refuses the connection. */
export class DatabaseUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    const u = new URL(url);
    const err = cause as { message?: string; code?: string };
    const reason = err?.message || err?.code || String(cause);
    // The URL is shown without its password.
    super(
      `Could not connect to the PostgreSQL server of DATABASE_URL (${u.hostname}:${u.port || 5432}, database "${decodeURIComponent(u.pathname.slice(1)) || u.username}"): ${reason}`,
      { cause },
    );
  }
}
