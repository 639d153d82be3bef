import { Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../../errors/index.js';
import { DEFAULT_RATE_LIMITS } from '../../server/app/rate-limit-settings.js';
import {
  addServiceJobOptions,
  requirePostgresUrl,
  serviceJobSettings,
  untilStopSignal,
  wholeNumber,
  type ServiceJobValues,
} from '../service-options.js';

interface ServeValues extends ServiceJobValues {
  port: number;
  host: string;
  dataDir?: string;
  databaseUrl?: string;
  metricsKey?: string;
  rateLimitPerKey?: number;
  rateLimitPerAddress?: number;
  workers?: number;
  admissionDeadline?: number;
  tlsCert?: string;
  tlsKey?: string;
}

/** Seconds, fractions allowed, within what a webhook's timeoutSeconds can be (1–30). */
function deadlineSeconds(text: string): number {
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 30)
    throw new InvalidArgumentError('must be more than 0 and at most 30 seconds');
  return seconds;
}

function portNumber(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('not a port number');
  return port;
}

export function serveCommand(): Command {
  const command = new Command('serve')
    .description(
      'run the Customs API (embedded: one process with an SQLite store runs the jobs too; ' +
        'with --database-url, `customs worker` processes run them)',
    )
    .option('--port <port>', 'port to listen on', portNumber, 8228)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--data-dir <dir>',
      'the embedded store, uploads, layer cache and secret key (default ~/.local/share/customs/server)',
    )
    .option('--database-url <url>', 'PostgreSQL for the store and the job queue (postgres://…)')
    .option(
      '--workers <n>',
      'images this process analyzes at once (default 1 embedded, 0 with --database-url: API only)',
      wholeNumber,
    )
    .option('--metrics-key <key>', 'require `Authorization: Bearer <key>` on /metrics')
    .option(
      '--rate-limit-per-key <n>',
      `API requests a minute per API key, then 429 (default ${DEFAULT_RATE_LIMITS.perKeyPerMinute}; 0: no limit)`,
      wholeNumber,
    )
    .option(
      '--rate-limit-per-address <n>',
      `API requests a minute per client address (default ${DEFAULT_RATE_LIMITS.perAddressPerMinute}; 0: no limit)`,
      wholeNumber,
    )
    .option(
      '--admission-deadline <seconds>',
      'the Kubernetes admission webhook answers within this, analysis included (default 8; keep it under the webhook’s timeoutSeconds)',
      deadlineSeconds,
    )
    .option('--tls-cert <file>', 'serve HTTPS with this PEM certificate (chain); needs --tls-key')
    .option('--tls-key <file>', 'the PEM private key of --tls-cert');
  return addServiceJobOptions(command).action(async (values: ServeValues) => {
    requirePostgresUrl(values.databaseUrl);
    if ((values.tlsCert === undefined) !== (values.tlsKey === undefined))
      throw new UsageError('--tls-cert and --tls-key go together');
    const settings = await serviceJobSettings(values);
    const { startService } = await import('../../server/app/start-service.js');
    const service = await startService({
      port: values.port,
      host: values.host,
      ...(values.dataDir !== undefined ? { dataDir: values.dataDir } : {}),
      ...(values.databaseUrl !== undefined ? { databaseUrl: values.databaseUrl } : {}),
      ...(values.metricsKey !== undefined ? { metricsKey: values.metricsKey } : {}),
      ...(values.rateLimitPerKey !== undefined || values.rateLimitPerAddress !== undefined
        ? {
            rateLimits: {
              perKeyPerMinute: values.rateLimitPerKey ?? DEFAULT_RATE_LIMITS.perKeyPerMinute,
              perAddressPerMinute: values.rateLimitPerAddress ?? DEFAULT_RATE_LIMITS.perAddressPerMinute,
            },
          }
        : {}),
      ...(values.workers !== undefined ? { workers: values.workers } : {}),
      ...(values.admissionDeadline !== undefined
        ? { admission: { deadlineMs: Math.round(values.admissionDeadline * 1000) } }
        : {}),
      ...(values.tlsCert !== undefined && values.tlsKey !== undefined
        ? { tls: { certFile: values.tlsCert, keyFile: values.tlsKey } }
        : {}),
      ...settings,
    });
    process.stderr.write(
      `customs: listening on ${service.address} (OpenAPI at /openapi.json, docs at /docs)\n`,
    );
    if (service.createdAdminKey !== undefined)
      process.stderr.write(
        `customs: created the admin account; its API key, shown only this once:\n${service.createdAdminKey}\n`,
      );
    await untilStopSignal();
    await service.close();
  });
}
