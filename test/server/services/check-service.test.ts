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

    it('a drift rule compares with the digest the tag pointed to before', async () => {
      const { store, accountId } = await storeWithImage([
        {
          id: 'd1',
          gate: 'drift',
          trigger: 'changed',
          action: 'STOP',
          params: [{ name: 'kinds', value: 'package_added,package_changed' }],
        },
        { id: 'd2', gate: 'drift', trigger: 'no_previous', action: 'WARN', params: [] },
      ]);
      const checks = new CheckService(store, () => new Date(AT));
      // The first digest of the tag has nothing before it.
      const first = await checks.check(accountId, digestOf(1), {});
      expect(first.final_action).toBe('warn');
      expect(JSON.stringify(first.result)).toContain('no previous image');
      const later = '2026-03-02T10:00:00.000Z';
      await store.images.upsert({
        accountId,
        digest: digestOf(2),
        origin: { kind: 'registry', reference: `registry.example/app@${digestOf(2)}` },
        tag: {
          registry: 'registry.example',
          repository: 'app',
          tag: 'v1',
          fullTag: 'registry.example/app:v1',
        },
        at: later,
      });
      await store.analyses.putSbom(
        digestOf(2),
        policySbom({ packages: [pkg('openssl', '3.0.21-1~deb12u1'), pkg('curl', '7.88.1-10')] }),
        later,
      );
      await store.images.setStatus(digestOf(2), 'analyzed', { at: later });
      const second = await checks.check(accountId, digestOf(2), {});
      expect(second.final_action).toBe('stop');
      const text = JSON.stringify(second.result);
      expect(text).toContain('Package deb/curl 7.88.1-10 was added since the previous image');
      expect(text).toContain('Package deb/openssl changed from 3.0.20-1~deb12u2 to 3.0.21-1~deb12u1');
      expect(text).not.toContain('no previous image');
      // The first digest, checked again, still compares with nothing (the later one is not before it).
      expect((await checks.check(accountId, digestOf(1), {})).final_action).toBe('warn');
    });
  },
);
