// The load generator, in a process of its own so it does not share an event loop with the
// server it measures. Usage: node bench/load.mjs '<autocannon options as JSON>'; prints a JSON summary.
// With `connections: 1` it sends the requests one after another itself (one keep-alive socket) and
// times each with a sub-millisecond clock: autocannon's histogram keeps whole milliseconds, too
// coarse for a single connection's latencies of a few milliseconds.
import http from 'node:http';
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);

/** The p-th percentile (nearest rank) of sorted values. */
const percentile = (sorted, p) => (sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : 0);
const round2 = (n) => Math.round(n * 100) / 100;

async function sequential() {
  const base = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const paths = options.requests?.map((r) => r.path) ?? [base.pathname + base.search];
  const get = (p) =>
    new Promise((resolve, reject) => {
      const req = http.get({ host: base.hostname, port: base.port, path: p, headers: options.headers ?? {}, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
        res.on('error', reject);
      });
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', reject);
    });
  const latencies = [];
  const statuses = {};
  let errors = 0;
  let timeouts = 0;
  let non2xx = 0;
  const started = performance.now();
  const end = started + options.duration * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const t0 = performance.now();
    try {
      const status = await get(paths[i % paths.length]);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 200 && status < 300) latencies.push(performance.now() - t0);
      else non2xx++;
    } catch (e) {
      if (e.message === 'timeout') timeouts++;
      else errors++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const total = latencies.length + non2xx;
  return { requestsPerSecond: total / seconds, total, p50: round2(percentile(latencies, 50)), p99: round2(percentile(latencies, 99)), errors, timeouts, non2xx, statuses };
}

async function concurrent() {
  const result = await autocannon(options);
  const statuses = {};
  for (const [k, v] of Object.entries(result.statusCodeStats ?? {})) statuses[k] = v.count;
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
  };
}

console.log(JSON.stringify(options.connections === 1 ? await sequential() : await concurrent()));
