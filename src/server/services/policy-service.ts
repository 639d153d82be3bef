import { BundleProblemsError, ConflictError, NotFoundError } from '../../errors/index.js';
import { parseBundle } from '../../policy/bundle/index.js';
import { GATES } from '../../policy/gates/registry.js';
import type { PolicyRecord, ServiceStore } from '../store/types.js';

export interface PolicyView {
  policyId: string;
  name: string;
  active: boolean;
  policybundle: unknown;
  created_at: string;
  last_updated: string;
}

export interface ValidationView {
  valid: boolean;
  problems: { path: string; message: string }[];
}

/** Policy bundles: validated before they are stored; one active per account. */
export class PolicyService {
  constructor(
    private readonly store: ServiceStore,
    private readonly now: () => Date,
  ) {}

  validate(document: unknown): ValidationView {
    const { problems } = parseBundle(document, GATES);
    return {
      valid: problems.length === 0,
      problems: problems.map((p) => ({ path: p.path, message: p.message })),
    };
  }

  /** Stores a bundle (new or replacing the one with its id); refuses one with problems. */
  async put(accountId: string, document: unknown, expectedId?: string): Promise<PolicyView> {
    const parsed = parseBundle(document, GATES);
    if (parsed.problems.length > 0) throw new BundleProblemsError('the bundle', parsed.problems);
    const { id, name } = parsed.bundle;
    if (expectedId !== undefined && id !== expectedId)
      throw new BundleProblemsError('the bundle', [
        { path: '$.id', message: `the bundle's id ${id} is not the policy id in the path, ${expectedId}` },
      ]);
    const record = await this.store.policies.put({
      accountId,
      policyId: id,
      name: name ?? id,
      bundle: document,
      at: this.now().toISOString(),
    });
    return policyView(record);
  }

  async list(accountId: string): Promise<PolicyView[]> {
    return (await this.store.policies.list(accountId)).map(policyView);
  }

  async get(accountId: string, policyId: string): Promise<PolicyView> {
    const record = await this.store.policies.get(accountId, policyId);
    if (!record) throw new NotFoundError(`no policy ${policyId}`);
    return policyView(record);
  }

  async activate(accountId: string, policyId: string): Promise<PolicyView> {
    if (!(await this.store.policies.activate(accountId, policyId, this.now().toISOString())))
      throw new NotFoundError(`no policy ${policyId}`);
    return this.get(accountId, policyId);
  }

  async delete(accountId: string, policyId: string): Promise<void> {
    const record = await this.store.policies.get(accountId, policyId);
    if (!record) throw new NotFoundError(`no policy ${policyId}`);
    if (record.active)
      throw new ConflictError(`policy ${policyId} is the active one: activate another first`);
    await this.store.policies.delete(accountId, policyId);
  }
}

export function policyView(record: PolicyRecord): PolicyView {
  return {
    policyId: record.policyId,
    name: record.name,
    active: record.active,
    policybundle: record.bundle,
    created_at: record.createdAt,
    last_updated: record.updatedAt,
  };
}
