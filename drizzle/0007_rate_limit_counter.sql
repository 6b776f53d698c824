-- UNLOGGED, by hand (a drizzle schema cannot say it): committing a count then waits for no WAL
-- flush, and a crash or a fail-over only starts every window afresh. docs/decisions/0017-rate-limits.md
CREATE UNLOGGED TABLE "rate_limit_counter" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"window_ends" timestamp with time zone NOT NULL
);
