// The load generator, in a process of its own so it does not share an event loop with the
// server it measures. Usage: node bench/load.mjs '<autocannon options as JSON>'; prints a JSON summary.
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);
const result = await autocannon(options);
const statuses = {};
for (const [k, v] of Object.entries(result.statusCodeStats ?? {})) statuses[k] = v.count;
console.log(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
  }),
);
