import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobQueue } from '../queue/types.js';

/** The service's Prometheus metrics, in a registry of its own (one per app). */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly durations: Histogram<'method' | 'route'>;

  constructor(queue: JobQueue) {
    this.requests = new Counter({
      name: 'customs_http_requests_total',
      help: 'HTTP requests answered, by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.durations = new Histogram({
      name: 'customs_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    new Gauge({
      name: 'customs_jobs',
      help: 'Jobs in the queue, by name and state',
      labelNames: ['name', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const counts = await queue.counts();
        for (const [name, states] of Object.entries(counts))
          for (const [state, count] of Object.entries(states)) this.set({ name, state }, count ?? 0);
      },
    });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.durations.observe({ method, route }, seconds);
  }

  async text(): Promise<string> {
    return this.registry.metrics();
  }
}
