// The deployment examples under deploy/ against the program they deploy: the probe paths are real
// routes of the built app, every `customs` flag they pass is one the command takes, and every
// environment variable they set is one the code reads.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { checksKind } from '../../src/server/admission/workload-images.js';
import { runCli } from '../helpers/run-cli.js';
import { serviceStoreBackends } from '../helpers/service-store-backends.js';
import { startApi, type ApiHarness } from '../server/api/api-harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEPLOY = path.join(ROOT, 'deploy');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

interface Container {
  where: string;
  /** The arguments after `customs`: the subcommand first. */
  args: string[];
  env: string[];
  probes: string[];
}

type Json = Record<string, unknown>;
const record = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function kubernetesContainers(): Container[] {
  const dir = path.join(DEPLOY, 'kubernetes');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(path.join(dir, file), 'utf8')).flatMap((doc) => {
        const manifest = record(doc.toJS());
        const pod = record(record(record(manifest.spec).template).spec);
        return list(pod.containers).map((c): Container => {
          const container = record(c);
          return {
            where: `kubernetes/${file} ${String(container.name)}`,
            args: list(container.args).map(String),
            env: list(container.env).map((e) => String(record(e).name)),
            probes: ['readinessProbe', 'livenessProbe', 'startupProbe']
              .map((probe) => record(record(container[probe]).httpGet).path)
              .filter((p): p is string => typeof p === 'string'),
          };
        });
      }),
    );
}

function composeContainers(): Container[] {
  const compose = record(parse(readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8'), { merge: true }));
  return Object.entries(record(compose.services))
    .map(([name, s]) => [name, record(s)] as const)
    .filter(([, service]) => String(service.image).startsWith('customs'))
    .map(([name, service]) => ({
      where: `compose.yaml ${name}`,
      args: list(service.command).map(String),
      env: Object.keys(record(service.environment)),
      probes: [],
    }));
}

/** The Dockerfile's CMD (JSON form) and ENV names, and the path its HEALTHCHECK asks for. */
function dockerfileContainer(): Container {
  const text = readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8');
  const runtime = text.slice(text.lastIndexOf('\nFROM '));
  const entry = JSON.parse(/^ENTRYPOINT (\[.*\])$/m.exec(runtime)![1]!) as string[];
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(runtime)![1]!) as string[];
  expect(entry.at(-1)).toBe('/app/bin/customs');
  const env = [...runtime.matchAll(/^ENV (.+)$/gm)].flatMap((m) =>
    [...m[1]!.matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map((n) => n[1]!),
  );
  const probes = [...runtime.matchAll(/http:\/\/127\.0\.0\.1:8228(\/[a-z]+)/g)].map((m) => m[1]!);
  return { where: 'Dockerfile', args: cmd, env, probes };
}

/** `customs serve …` / `customs worker …` lines of the deployment guide. */
function documentedCommands(): Container[] {
  return [...read('docs/deployment.md').matchAll(/^customs ((?:serve|worker)\b.*)$/gm)].map((m) => ({
    where: 'docs/deployment.md',
    args: m[1]!.trim().split(/\s+/),
    env: [],
    probes: [],
  }));
}

/** Every file under dist/, concatenated: what the built program reads. */
function builtCode(): string {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.js')) texts.push(readFileSync(file, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'dist'));
  return texts.join('\n');
}

const containers = (): Container[] => [
  ...kubernetesContainers(),
  ...composeContainers(),
  dockerfileContainer(),
  ...documentedCommands(),
];

describe('deployment examples', () => {
  let api: ApiHarness;
  let routes: string[];

  beforeAll(async () => {
    api = await startApi((await serviceStoreBackends()).sqlite);
    const openapi = (await api.app.inject({ url: '/openapi.json' })).json() as { paths: Json };
    routes = Object.keys(openapi.paths);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('finds the API and worker containers, each running a customs command', () => {
    const all = containers();
    const commands = all.map((c) => `${c.where}: ${c.args[0]}`);
    expect(commands).toEqual(
      expect.arrayContaining([
        'kubernetes/api.yaml api: serve',
        'kubernetes/admission.yaml admission: serve',
        'kubernetes/worker.yaml worker: worker',
        'compose.yaml api: serve',
        'compose.yaml worker: worker',
        'Dockerfile: serve',
      ]),
    );
  });

  it('probes only routes the app has, which answer without a key', async () => {
    const probes = containers().flatMap((c) => c.probes.map((p) => [c.where, p] as const));
    expect(probes.map(([, p]) => p).sort()).toEqual(['/health', '/health', '/health', '/ready', '/ready']);
    for (const [where, probe] of probes) {
      expect(routes, where).toContain(probe);
      const answer = await api.app.inject({ url: probe });
      expect(answer.statusCode, `${where} ${probe}`).toBe(200);
    }
  });

  it('passes only flags the commands take', () => {
    const workerBuilt = existsSync(path.join(ROOT, 'dist/cli/commands/worker-command.js'));
    const helpOf = new Map<string, string>();
    let checked = 0;
    for (const container of containers()) {
      const [command, ...rest] = container.args;
      expect(['serve', 'worker'], container.where).toContain(command);
      // `customs worker` comes with the analysis workers: checked once the build has it.
      if (command === 'worker' && !workerBuilt) continue;
      if (!helpOf.has(command!)) {
        const help = runCli([command!, '--help']);
        expect(help.code, help.stderr).toBe(0);
        helpOf.set(command!, help.stdout);
      }
      const options = new Set([...helpOf.get(command!)!.matchAll(/(--[a-z][a-z-]*)/g)].map((m) => m[1]));
      for (const flag of rest.filter((a) => a.startsWith('--')))
        expect(options.has(flag), `${container.where}: customs ${command} ${flag}`).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(workerBuilt ? 8 : 4);
  });

  it('sets only environment variables the code reads (or the container args expand)', () => {
    const code = builtCode();
    const read = new Set([...code.matchAll(/env(?:\.|\[['"]|\(['"])([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]!));
    expect(read).toContain('CUSTOMS_SECRET_KEY');
    const everySet = containers().flatMap((c) => c.env.map((name) => [c, name] as const));
    expect(everySet.map(([, name]) => name)).toContain('CUSTOMS_SECRET_KEY');
    for (const [container, name] of everySet) {
      const expanded = container.args.some((a) => a.includes(`$(${name})`));
      expect(read.has(name) || expanded, `${container.where}: ${name}`).toBe(true);
    }
  });

  it('points the admission webhooks at the admission route, one failure mode each, under the deadline', () => {
    const docs = parseAllDocuments(read('deploy/kubernetes/admission.yaml')).map((d) => record(d.toJS()));
    const config = docs.find((d) => d.kind === 'ValidatingWebhookConfiguration')!;
    const deployment = docs.find((d) => d.kind === 'Deployment')!;
    const service = docs.find((d) => d.kind === 'Service')!;
    const args = list(
      record(list(record(record(record(deployment.spec).template).spec).containers)[0]).args,
    ).map(String);
    const deadline = Number(args[args.indexOf('--admission-deadline') + 1]);
    expect(deadline).toBeGreaterThan(0);
    expect(args).toEqual(expect.arrayContaining(['--tls-cert', '--tls-key']));
    expect(routes).toContain('/v1/admission/{mode}');
    const webhooks = list(config.webhooks).map(record);
    expect(webhooks).toHaveLength(2);
    const modes: string[] = [];
    for (const hook of webhooks) {
      const target = record(record(hook.clientConfig).service);
      expect(target.name).toBe(record(service.metadata).name);
      expect(list(record(service.spec).ports).map((p) => record(p).port)).toContain(target.port);
      const mode = /^\/v1\/admission\/(fail-open|fail-closed)$/.exec(String(target.path))?.[1];
      expect(mode, String(target.path)).toBeDefined();
      modes.push(mode!);
      // When Customs itself is unreachable the API server does what the mode says for images.
      expect(hook.failurePolicy).toBe(mode === 'fail-open' ? 'Ignore' : 'Fail');
      expect(Number(hook.timeoutSeconds)).toBeGreaterThan(deadline);
      expect(hook.admissionReviewVersions).toEqual(['v1']);
      const resources = list(hook.rules).flatMap((r) => list(record(r).resources).map(String));
      expect(resources).toEqual(
        expect.arrayContaining(['pods', 'pods/ephemeralcontainers', 'deployments', 'cronjobs', 'jobs']),
      );
      for (const resource of resources)
        expect(checksKind(KINDS[resource.split('/')[0]!] ?? ''), resource).toBe(true);
    }
    expect(modes.sort()).toEqual(['fail-closed', 'fail-open']);
  });
});

/** The resources the webhooks are sent, by the kind the webhook reads images from. */
const KINDS: Record<string, string> = {
  pods: 'Pod',
  podtemplates: 'PodTemplate',
  replicationcontrollers: 'ReplicationController',
  deployments: 'Deployment',
  replicasets: 'ReplicaSet',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  jobs: 'Job',
  cronjobs: 'CronJob',
};
