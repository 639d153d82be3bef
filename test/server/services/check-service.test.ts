// The service's policy check reads the SBOM without package metadata, unless a rule needs it: a
// packages/verify rule must still see every file a package owns and fire on the missing one.
import { afterEach, describe, expect, it } from 'vitest';
import { CheckService } from '../../../src/server/services/check-service.js';
import { openServiceStore, type ServiceStore } from '../../../src/server/store/index.js';
import { file, pkg, policySbom } from '../../helpers/policy-sbom.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';
import { everyImageBundle } from '../../helpers/use-case-fixtures.js';
import { digestOf } from '../store/fixtures.js';

const { sqlite, postgres } = await serviceStoreBackends();
const AT = '2026-03-01T10:00:00.000Z';
const OWNED = ['/usr/bin/openssl', '/usr/share/doc/openssl/copyright'];

describe.each([sqlite, ...(postgres ? [postgres] : [])])(
  'policy checks of stored SBOMs: $name',
  (backend) => {
    const opened: ServiceStore[] = [];
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    async function storeWithImage(rules: unknown[]): Promise<{ store: ServiceStore; accountId: string }> {
      const store = await openServiceStore(await backend.freshOptions());
      opened.push(store);
      const { id: accountId } = await store.accounts.create({ name: 'a', role: 'user' });
      const digest = digestOf(1);
      await store.images.upsert({
        accountId,
        digest,
        origin: { kind: 'registry', reference: `registry.example/app@${digest}` },
        tag: {
          registry: 'registry.example',
          repository: 'app',
          tag: 'v1',
          fullTag: 'registry.example/app:v1',
        },
        at: AT,
      });
      const sbom = policySbom({
        files: [
          file('/usr', 0o755, { type: 'dir' }),
          file('/usr/bin', 0o755, { type: 'dir' }),
          file('/usr/bin/openssl', 0o755),
        ],
        packages: [
          pkg('openssl', '3.0.20-1~deb12u2', {
            metadata: { package: 'openssl', version: '3.0.20-1~deb12u2', files: OWNED },
          }),
        ],
      });
      await store.analyses.putSbom(digest, sbom, AT);
      await store.images.setStatus(digest, 'analyzed', { at: AT });
      await store.policies.put({
        accountId,
        policyId: 'b',
        name: 'b',
        bundle: everyImageBundle(rules),
        at: AT,
      });
      await store.policies.activate(accountId, 'b', AT);
      return { store, accountId };
    }

    it('a packages/verify rule sees the owned files and fires on the missing one', async () => {
      const { store, accountId } = await storeWithImage([
        {
          id: 'r1',
          gate: 'packages',
          trigger: 'verify',
          action: 'STOP',
          params: [{ name: 'check', value: 'missing' }],
        },
      ]);
      expect((await store.analyses.getPolicySbom(digestOf(1)))!.packages[0]).not.toHaveProperty('metadata');
      const view = await new CheckService(store, () => new Date(AT)).check(accountId, digestOf(1), {});
      expect(view.final_action).toBe('stop');
      expect(JSON.stringify(view.result)).toContain('/usr/share/doc/openssl/copyright');
      expect(JSON.stringify(view.result)).not.toContain('/usr/bin/openssl is missing');
    });

    it('a bundle without it is checked against the SBOM without package metadata', async () => {
      const { store, accountId } = await storeWithImage([
        { id: 'r1', gate: 'always', trigger: 'always', action: 'WARN', params: [] },
      ]);
      const view = await new CheckService(store, () => new Date(AT)).check(accountId, digestOf(1), {});
      expect(view.final_action).toBe('warn');
      expect(view.tag).toBe('registry.example/app:v1');
    });
  },
);
