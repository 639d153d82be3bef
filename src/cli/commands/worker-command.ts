import { Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../../errors/index.js';
import {
  addServiceJobOptions,
  requirePostgresUrl,
  serviceJobSettings,
  untilStopSignal,
  wholeNumber,
  type ServiceJobValues,
} from '../service-options.js';

interface WorkerValues extends ServiceJobValues {
  databaseUrl?: string;
  dataDir?: string;
  concurrency: number;
}

function concurrency(text: string): number {
  const n = wholeNumber(text);
  if (n === 0) throw new InvalidArgumentError('must be at least 1');
  return n;
}

export function workerCommand(): Command {
  const command = new Command('worker')
    .description(
      'run job handlers (image analysis, evaluations, feed syncs) for `customs serve --database-url`; ' +
        'start as many as you like, on any machine that reaches the database',
    )
    .option('--database-url <url>', 'PostgreSQL holding the service’s store and job queue (required)')
    .option('--concurrency <n>', 'images analyzed at once by this process', concurrency, 1)
    .option(
      '--data-dir <dir>',
      'this machine’s layer cache (DIR/layers, shared by its workers) and the secret key file ' +
        '(default ~/.local/share/customs/server; or set CUSTOMS_SECRET_KEY to the API’s key)',
    );
  return addServiceJobOptions(command).action(async (values: WorkerValues) => {
    if (values.databaseUrl === undefined)
      throw new UsageError(
        'worker needs --database-url: workers share the PostgreSQL store and queue with `customs serve --database-url`',
      );
    requirePostgresUrl(values.databaseUrl);
    const settings = await serviceJobSettings(values);
    const { startWorkerProcess } = await import('../../server/app/start-worker.js');
    const workers = await startWorkerProcess({
      databaseUrl: values.databaseUrl,
      concurrency: values.concurrency,
      ...(values.dataDir !== undefined ? { dataDir: values.dataDir } : {}),
      ...settings,
    });
    process.stderr.write(`customs: worker running (${values.concurrency} at once); Ctrl-C stops it\n`);
    await untilStopSignal();
    process.stderr.write('customs: stopping: running jobs get 10 s, then go back to the queue\n');
    await workers.close({ timeoutMs: 10_000 });
  });
}
