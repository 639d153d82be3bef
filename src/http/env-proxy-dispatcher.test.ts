import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/index.js';
import { envProxyDispatcher } from './env-proxy-dispatcher.js';

const TIMEOUTS = { connectMs: 1_000, headersMs: 1_000, idleMs: 1_000 };

describe('envProxyDispatcher', () => {
  it('takes a proxy given as host:port, as curl does', async () => {
    const dispatcher = envProxyDispatcher(TIMEOUTS, { HTTPS_PROXY: 'proxy.example:3128' });
    await dispatcher.close();
  });

  it('refuses a proxy variable that is not a URL, naming it', () => {
    expect(() => envProxyDispatcher(TIMEOUTS, { http_proxy: 'http://bad host:80' })).toThrow(UsageError);
    expect(() => envProxyDispatcher(TIMEOUTS, { HTTPS_PROXY: 'http://[::1' })).toThrow(
      'HTTPS_PROXY is not a proxy URL: http://[::1',
    );
  });
});
