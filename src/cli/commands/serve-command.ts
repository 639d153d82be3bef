import { Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../../errors/index.js';

interface ServeValues {
  port: number;
  host: string;
  dataDir?: string;
  databaseUrl?: string;
  vulnDb?: string;
  metricsKey?: string;
  insecureRegistry: string[];
}

function portNumber(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('not a port number');
  return port;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('run the Customs API (embedded: one process, an SQLite store, nothing else to start)')
    .option('--port <port>', 'port to listen on', portNumber, 8228)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--data-dir <dir>',
      'the embedded store, uploads and secret key (default ~/.local/share/customs/server)',
    )
    .option('--database-url <url>', 'PostgreSQL for the store and the job queue (postgres://…)')
    .option(
      '--vuln-db <location>',
      'vulnerability database: an SQLite file or postgres://… (default the CLI’s)',
    )
    .option('--metrics-key <key>', 'require `Authorization: Bearer <key>` on /metrics')
    .option(
      '--insecure-registry <host>',
      'registry reached over plain HTTP or unverified TLS (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .action(async (values: ServeValues) => {
      if (values.databaseUrl !== undefined && !/^postgres(ql)?:\/\//i.test(values.databaseUrl))
        throw new UsageError('--database-url must be a postgres:// URL');
      const { startService } = await import('../../server/app/start-service.js');
      const service = await startService({
        port: values.port,
        host: values.host,
        ...(values.dataDir !== undefined ? { dataDir: values.dataDir } : {}),
        ...(values.databaseUrl !== undefined ? { databaseUrl: values.databaseUrl } : {}),
        ...(values.vulnDb !== undefined ? { vulnDb: values.vulnDb } : {}),
        ...(values.metricsKey !== undefined ? { metricsKey: values.metricsKey } : {}),
        insecureRegistries: values.insecureRegistry,
      });
      process.stderr.write(
        `customs: listening on ${service.address} (OpenAPI at /openapi.json, docs at /docs)\n`,
      );
      if (service.createdAdminKey !== undefined)
        process.stderr.write(
          `customs: created the admin account; its API key, shown only this once:\n${service.createdAdminKey}\n`,
        );
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await service.close();
    });
}
