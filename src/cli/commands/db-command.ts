import { Command, Option } from 'commander';
import { FeedFormatError, UsageError } from '../../errors/index.js';
import { defaultDatabasePath, isPostgresLocation, openStore } from '../../vulndb/default-path.js';
import type { VulnStore } from '../../vulndb/store/types.js';
import { SYNC_PROVIDERS, type SyncProvider } from '../../vulndb/sync/sync-config.js';
import { importReport, statusTable, syncReport } from './db-report.js';

interface DbOptions {
  db?: string;
}

const DB_HELP = `database: an SQLite file (default ${defaultDatabasePath()}) or a postgres:// URL`;

export function dbCommand(): Command {
  const db = new Command('db').description('the vulnerability database: import feeds, sync, export, status');

  db.command('import')
    .description('import feed files, folders, .zip/.gz archives, or a bundle from `db export`')
    .argument('<paths...>', 'feed files, folders or archives')
    .option('--db <location>', DB_HELP)
    .option('--verify-key <pem>', 'Ed25519 public key a bundle must be signed with')
    .action(async (paths: string[], values: DbOptions & { verifyKey?: string }) => {
      const { installBundle, isBundle } = await import('../../vulndb/export/index.js');
      const { importFeeds } = await import('../../vulndb/import/index.js');
      const { FEED_PARSERS } = await import('../../vulndb/providers/registry.js');
      if (paths.length === 1 && (await isBundle(paths[0]!))) {
        const target = sqliteTarget(values.db, 'db import of a bundle');
        const manifest = await installBundle(paths[0]!, target, { verifyKey: values.verifyKey });
        process.stdout.write(
          `installed ${paths[0]} (created ${manifest.created}, ${manifest.providers.length} providers) as ${target}\n`,
        );
        return;
      }
      if (values.verifyKey) throw new UsageError('--verify-key applies to bundles only');
      const progress = stderrProgress();
      const summary = await withStore(values.db, (store) =>
        importFeeds(store, paths, {
          parsers: FEED_PARSERS,
          onProgress: progress && ((e) => progress(`importing: ${e.files} files, ${e.records} records`)),
        }),
      ).finally(() => progress?.('', true));
      const location = values.db ?? defaultDatabasePath();
      process.stdout.write(importReport(summary, location));
      if (Object.keys(summary.records).length === 0) {
        throw new FeedFormatError(
          `nothing could be imported from ${paths.join(', ')}: no file held records a feed format could read`,
        );
      }
    });

  db.command('update')
    .description('download the configured providers and bring the database up to date')
    .option('--db <location>', DB_HELP)
    .addOption(
      new Option(
        '--provider <name...>',
        'only these providers (default: all but nvd, which is opt-in)',
      ).choices([...SYNC_PROVIDERS]),
    )
    .option('--config <file>', 'JSON file overriding the feed URLs (also $CUSTOMS_SYNC_CONFIG)')
    .action(async (values: DbOptions & { provider?: SyncProvider[]; config?: string }) => {
      // The feed providers and the downloader are loaded for `db update` only.
      const { loadSyncConfig, syncLocation } = await import('../../vulndb/sync/index.js');
      const { FEED_PARSERS } = await import('../../vulndb/providers/registry.js');
      const config = loadSyncConfig(values.config);
      const progress = stderrProgress();
      const result = await syncLocation(values.db, {
        config,
        parsers: FEED_PARSERS,
        providers: values.provider,
        onProgress: progress && ((e) => progress(`${e.unit}: ${e.phase}`)),
      }).finally(() => progress?.('', true));
      process.stdout.write(syncReport(result));
      if (result.firstSync && !result.created) {
        throw new FeedFormatError(
          `every source failed, so no database was created at ${values.db ?? defaultDatabasePath()}: ` +
            `check the network (behind a proxy, set HTTPS_PROXY), or import feeds with \`customs db import PATH\` ` +
            `(a bundle made by \`customs db export\` on a connected machine works too)`,
        );
      }
      if (result.failed.length > 0) {
        throw new FeedFormatError(
          `${result.failed.length} of ${result.failed.length + result.done.length} sources failed; ` +
            `run 'customs db update' again to retry them (finished ones are kept)`,
        );
      }
    });

  db.command('export')
    .description('write a bundle (database, manifest, digests) for sites without network')
    .argument('<file>', 'bundle file to write')
    .option('--db <location>', DB_HELP)
    .option('--sign-key <pem>', 'Ed25519 private key to sign the manifest with')
    .action(async (file: string, values: DbOptions & { signKey?: string }) => {
      const { exportBundle } = await import('../../vulndb/export/index.js');
      const source = sqliteTarget(values.db, 'db export');
      const manifest = await exportBundle(source, file, { signKey: values.signKey });
      process.stdout.write(
        `wrote ${file}: ${manifest.providers.length} providers, database sha256:${manifest.database.sha256}` +
          `${values.signKey ? ', signed' : ''}\n`,
      );
    });

  db.command('status')
    .description('providers, record counts, last sync, EPSS date, KEV version')
    .option('--db <location>', DB_HELP)
    .addOption(
      new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .action(async (values: DbOptions & { output: 'table' | 'json' }) => {
      const status = await withStore(values.db, (store) => store.status(), true);
      process.stdout.write(
        values.output === 'json' ? `${JSON.stringify(status, null, 2)}\n` : statusTable(status),
      );
    });

  for (const sub of db.commands) {
    sub.exitOverride().configureOutput({
      outputError: (text, write) => write(text.startsWith('error:') ? `customs: ${text}` : text),
    });
  }
  return db;
}

async function withStore<T>(
  location: string | undefined,
  use: (store: VulnStore) => Promise<T>,
  readonly = false,
): Promise<T> {
  const store = await openStore(location, { readonly });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

function sqliteTarget(location: string | undefined, what: string): string {
  if (location && isPostgresLocation(location)) {
    throw new UsageError(
      `${what} works on an SQLite database file, not ${location.replace(/:[^:@/]*@/, ':***@')}`,
    );
  }
  return location ?? defaultDatabasePath();
}

/** A redrawn one-line progress on stderr, only when stderr is a terminal. */
function stderrProgress(): ((text: string, end?: boolean) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (text, end) => {
    const now = Date.now();
    if (end) process.stderr.write('\r\x1b[2K');
    else if (now - last > 100) {
      last = now;
      process.stderr.write(`\r\x1b[2K${text}`);
    }
  };
}
