import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../../src/policy/types.js';
import {
  MIGRATIONS,
  migrate,
  openDriver,
  type ServiceStore,
  type SqlDriver,
} from '../../../src/server/store/index.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';
import { digestOf, evaluation } from './fixtures.js';

const { sqlite, postgres } = await serviceStoreBackends();

const T0 = '2026-03-01T10:00:00.000Z';
const T1 = '2026-03-01T11:00:00.000Z';
const T2 = '2026-03-01T12:00:00.000Z';

function finding(gate: string, trigger: string, action: 'stop' | 'warn' | 'go') {
  return { gate, trigger, action, ruleAction: action, triggerId: `${gate}-${trigger}`, message: '' };
}

/** A result as the gates write it: a final action decided by the rules, a grade, findings. */
function result(
  finalAction: 'stop' | 'warn' | 'go',
  findings: ReturnType<typeof finding>[],
  extra: Record<string, unknown> = {},
): EvaluationResult {
  return {
    finalAction,
    finalActionReason: 'policy_evaluation',
    status: finalAction === 'stop' ? 'fail' : 'pass',
    findings,
    grade: { grade: 'D', reason: 'a critical fix missing for 40 days' },
    ...extra,
  } as unknown as EvaluationResult;
}

const counts = (critical: number, high: number) => ({
  critical,
  high,
  medium: 0,
  low: 1,
  negligible: 0,
  unknown: 0,
});

describe.each([sqlite, ...(postgres ? [postgres] : [])])('evaluation summaries: $name', (backend) => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
  });
  const open = async (): Promise<ServiceStore> => {
    const store = await backend.fresh();
    opened.push(store);
    return store;
  };

  it('keeps the grade and deciding gate of each evaluation and answers the newest per image', async () => {
    const store = await open();
    const alice = await store.accounts.create({ name: 'alice', role: 'user' });
    const bob = await store.accounts.create({ name: 'bob', role: 'user' });
    const warnFirst = [
      finding('dockerfile', 'instruction', 'warn'),
      finding('vulnerabilities', 'package', 'stop'),
    ];
    await store.evaluations.add(
      evaluation(alice.id, digestOf(1), T0, { finalAction: 'go', result: result('go', []) }),
    );
    await store.evaluations.add(
      evaluation(alice.id, digestOf(1), T1, { finalAction: 'stop', result: result('stop', warnFirst) }),
    );
    await store.evaluations.add(
      evaluation(alice.id, digestOf(2), T2, {
        finalAction: 'warn',
        policyId: 'other',
        result: result('warn', [finding('secret_scans', 'content_regex_checks', 'warn')], {
          grade: undefined,
        }),
      }),
    );
    await store.evaluations.add(
      evaluation(alice.id, digestOf(3), T0, {
        finalAction: 'stop',
        result: result('stop', [finding('vulnerabilities', 'package', 'stop')], {
          finalActionReason: 'denied_image',
        }),
      }),
    );
    await store.evaluations.add(evaluation(bob.id, digestOf(4), T2, { result: result('stop', warnFirst) }));

    const summaries = await store.evaluations.latestSummaries(alice.id, [
      digestOf(1),
      digestOf(2),
      digestOf(3),
      digestOf(4),
    ]);
    const byDigest = new Map(summaries.map((s) => [s.digest, s]));
    expect(summaries).toHaveLength(3);
    expect(byDigest.get(digestOf(1))).toEqual({
      digest: digestOf(1),
      tag: 'docker.io/acme/app:1',
      policyId: 'default',
      finalAction: 'stop',
      grade: 'D',
      decisive: { gate: 'vulnerabilities', trigger: 'package' },
      evaluatedAt: T1,
    });
    expect(byDigest.get(digestOf(2))).toMatchObject({ finalAction: 'warn', policyId: 'other' });
    expect(byDigest.get(digestOf(2))!.decisive).toEqual({
      gate: 'secret_scans',
      trigger: 'content_regex_checks',
    });
    expect(byDigest.get(digestOf(2))!.grade).toBeUndefined();
    // A denied image list decided, not a rule.
    expect(byDigest.get(digestOf(3))!.decisive).toBeUndefined();
    expect(await store.evaluations.latestSummaries(alice.id, [])).toEqual([]);
  });

  it('answers the newest trend row per image, for the account only', async () => {
    const store = await open();
    const alice = await store.accounts.create({ name: 'alice', role: 'user' });
    const bob = await store.accounts.create({ name: 'bob', role: 'user' });
    const point = (digest: string, at: string, critical: number) => ({
      digest,
      at,
      counts: counts(critical, 2),
      kev: critical,
      feedState: `data of ${at}`,
    });
    await store.trends.add(alice.id, point(digestOf(1), T0, 5));
    await store.trends.add(alice.id, point(digestOf(1), T2, 1));
    await store.trends.add(alice.id, point(digestOf(1), T1, 3));
    await store.trends.add(alice.id, point(digestOf(2), T0, 7));
    await store.trends.add(bob.id, point(digestOf(3), T2, 9));
    const latest = await store.trends.latestPoints(alice.id, [digestOf(1), digestOf(2), digestOf(3)]);
    expect(latest.sort((a, b) => a.digest.localeCompare(b.digest))).toEqual([
      point(digestOf(1), T2, 1),
      point(digestOf(2), T0, 7),
    ]);
  });

  it('fills the summary of evaluations stored before migration 7 from their result', async () => {
    const driver: SqlDriver = openDriver(await backend.freshOptions());
    opened.push(driver);
    await migrate(driver, MIGRATIONS, 6);
    await driver.query(`INSERT INTO accounts (id, name, role, created_at) VALUES ('a', 'a', 'user', $1)`, [
      T0,
    ]);
    const rows: [string, string, EvaluationResult][] = [
      [
        'e1',
        'stop',
        result('stop', [
          finding('dockerfile', 'instruction', 'warn'),
          finding('licenses', 'blacklist_exact_match', 'stop'),
        ]),
      ],
      ['e2', 'go', result('go', [finding('dockerfile', 'instruction', 'go')])],
      [
        'e3',
        'stop',
        result('stop', [finding('vulnerabilities', 'package', 'stop')], {
          finalActionReason: 'denied_image',
        }),
      ],
    ];
    for (const [id, action, body] of rows)
      await driver.query(
        `INSERT INTO evaluations (id, account_id, digest, tag, policy_id, final_action, result, feed_state, evaluated_at)
         VALUES ($1, 'a', $2, 't', 'p', $3, $4, 'f', $5)`,
        [id, digestOf(id), action, JSON.stringify(body), T0],
      );
    expect((await migrate(driver, MIGRATIONS)).applied).toEqual([7]);
    const filled = await driver.query<{
      id: string;
      grade: string | null;
      decisive_gate: string | null;
      decisive_trigger: string | null;
    }>('SELECT id, grade, decisive_gate, decisive_trigger FROM evaluations ORDER BY id');
    expect(filled.rows).toEqual([
      { id: 'e1', grade: 'D', decisive_gate: 'licenses', decisive_trigger: 'blacklist_exact_match' },
      { id: 'e2', grade: 'D', decisive_gate: null, decisive_trigger: null },
      { id: 'e3', grade: 'D', decisive_gate: null, decisive_trigger: null },
    ]);
    expect(await migrate(driver, MIGRATIONS, 6)).toEqual({ applied: [], reverted: [7], version: 6 });
  });
});
