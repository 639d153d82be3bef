import type { ServiceStore } from '../store/types.js';

/** Which of the account's images hold a package or are hit by a vulnerability. */
export class QueryService {
  constructor(private readonly store: ServiceStore) {}

  async byPackage(
    accountId: string,
    query: { name: string; type?: string; version?: string },
    page: { page: number; limit: number },
  ): Promise<{
    images: { imageDigest: string; packages: unknown[] }[];
    total: number;
    page: number;
    limit: number;
  }> {
    const result = await this.store.analyses.imagesByPackage(accountId, query, offsetOf(page));
    return {
      images: result.items.map((i) => ({ imageDigest: i.digest, packages: i.packages })),
      total: result.total,
      ...page,
    };
  }

  async byVulnerability(
    accountId: string,
    vulnerabilityId: string,
    page: { page: number; limit: number },
  ): Promise<{
    images: { imageDigest: string; vulnerable_packages: unknown[] }[];
    total: number;
    page: number;
    limit: number;
  }> {
    const result = await this.store.analyses.imagesByVulnerability(
      accountId,
      vulnerabilityId,
      offsetOf(page),
    );
    return {
      images: result.items.map((i) => ({ imageDigest: i.digest, vulnerable_packages: i.vulnerabilities })),
      total: result.total,
      ...page,
    };
  }
}

function offsetOf(page: { page: number; limit: number }): { limit: number; offset: number } {
  return { limit: page.limit, offset: (page.page - 1) * page.limit };
}
