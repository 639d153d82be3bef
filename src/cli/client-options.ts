import { Option, type Command } from 'commander';
import { CustomsApi } from '../client/customs-api.js';
import { ServiceClient } from '../client/service-client.js';
import { ServiceUnreachableError, UsageError } from '../errors/index.js';

/** The options of every command that talks to a Customs service. */
export interface ServiceOptionValues {
  url?: string;
  apiKey?: string;
}

/** `--url` and `--api-key`, from CUSTOMS_URL and CUSTOMS_API_KEY when not given. */
export function addServiceOptions(command: Command): Command {
  return command
    .addOption(new Option('--url <url>', 'the Customs service, e.g. http://customs:8228').env('CUSTOMS_URL'))
    .addOption(
      new Option('--api-key <key>', 'an API key of the service (prefer the environment variable)').env(
        'CUSTOMS_API_KEY',
      ),
    );
}

/** The service the options name; a usage error saying which option is missing. */
export function serviceApi(values: ServiceOptionValues, signal?: AbortSignal): CustomsApi {
  if (!values.url) throw new UsageError('no Customs service: give --url or set CUSTOMS_URL');
  if (!values.apiKey?.trim()) throw new UsageError('no API key: set CUSTOMS_API_KEY or give --api-key');
  return new CustomsApi(
    new ServiceClient({ url: values.url, apiKey: values.apiKey, ...(signal ? { signal } : {}) }),
  );
}

/** The client's errors with the CLI's words: an unreachable service names the option to fix. */
export function withServiceRemedy(err: unknown): unknown {
  if (err instanceof ServiceUnreachableError)
    return new ServiceUnreachableError(`${err.message} (check --url or CUSTOMS_URL)`, { cause: err });
  return err;
}

/** Runs one call against the service with the remedy added to its errors. */
export async function callService<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw withServiceRemedy(err);
  }
}
