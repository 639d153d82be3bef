import { NotFoundError } from '../../errors/index.js';
import type { SecretBox } from '../app/app-deps.js';
import type { RegistryCredentialRecord, ServiceStore } from '../store/types.js';
import { sealContext } from './seal-contexts.js';

export interface RegistryInput {
  registry: string;
  registry_user: string;
  registry_pass: string;
  registry_type?: 'docker_v2';
  registry_verify?: boolean;
  registry_name?: string;
}

/** A credential as the API shows it: never the password, sealed or not. */
export interface RegistryView {
  registry: string;
  registry_user: string;
  registry_type: 'docker_v2';
  registry_verify: boolean;
  registry_name?: string;
  created_at: string;
  last_updated: string;
}

/** Registry credentials: the password is sealed before it is stored and opened only to pull. */
export class RegistryService {
  constructor(
    private readonly store: ServiceStore,
    private readonly box: SecretBox,
    private readonly now: () => Date,
  ) {}

  async put(accountId: string, input: RegistryInput): Promise<RegistryView> {
    const record = await this.store.registries.put({
      accountId,
      registry: input.registry,
      ...(input.registry_name !== undefined ? { name: input.registry_name } : {}),
      username: input.registry_user,
      sealedPassword: this.box.seal(
        input.registry_pass,
        sealContext.registryPassword(accountId, input.registry),
      ),
      type: 'docker_v2',
      verifyTls: input.registry_verify ?? true,
      at: this.now().toISOString(),
    });
    return registryView(record);
  }

  async list(accountId: string): Promise<RegistryView[]> {
    return (await this.store.registries.list(accountId)).map(registryView);
  }

  async get(accountId: string, registry: string): Promise<RegistryView> {
    const record = await this.store.registries.get(accountId, registry);
    if (!record) throw new NotFoundError(`no registry credential for ${registry}`);
    return registryView(record);
  }

  async delete(accountId: string, registry: string): Promise<void> {
    if (!(await this.store.registries.delete(accountId, registry)))
      throw new NotFoundError(`no registry credential for ${registry}`);
  }

  /** What a pull from `registry` uses: the account's credential, opened. */
  async credentialFor(
    accountId: string,
    registry: string,
  ): Promise<{ credentials?: { username: string; password: string }; verifyTls: boolean }> {
    const record = await this.store.registries.get(accountId, registry);
    if (!record) return { verifyTls: true };
    return {
      credentials: {
        username: record.username,
        password: this.box.open(
          record.sealedPassword,
          sealContext.registryPassword(accountId, record.registry),
        ),
      },
      verifyTls: record.verifyTls,
    };
  }
}

function registryView(record: RegistryCredentialRecord): RegistryView {
  return {
    registry: record.registry,
    registry_user: record.username,
    registry_type: record.type,
    registry_verify: record.verifyTls,
    ...(record.name !== undefined ? { registry_name: record.name } : {}),
    created_at: record.createdAt,
    last_updated: record.updatedAt,
  };
}
