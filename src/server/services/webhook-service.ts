import { randomBytes, randomUUID } from 'node:crypto';
import { NotFoundError, UsageError } from '../../errors/index.js';
import type { SecretBox } from '../app/app-deps.js';
import type { EventRecord, EventType } from '../events/event-payloads.js';
import {
  checkWebhookUrl,
  guardedDispatcher,
  type AllowedHosts,
} from '../notifications/guarded-dispatcher.js';
import { openWebhook, sendNotification } from '../notifications/send-notification.js';
import type { ServiceStore, WebhookKind, WebhookOptions, WebhookRecord } from '../store/types.js';
import { sealContext } from './seal-contexts.js';

export interface JiraInput {
  project_key: string;
  issue_type?: string;
  api_version?: 2 | 3;
  user: string;
  api_token: string;
}

export interface WebhookInput {
  name: string;
  url: string;
  kind?: WebhookKind;
  jira?: JiraInput;
}

/** A webhook as the API shows it: never its secret or JIRA token; Slack and Teams URLs (credentials themselves) only by host. */
export interface WebhookView {
  id: string;
  name: string;
  url: string;
  kind: WebhookKind;
  jira?: { project_key: string; issue_type: string; api_version: 2 | 3; user: string };
  created_at: string;
  last_updated: string;
}

export interface TestOutcome {
  delivered: boolean;
  status?: number;
  error?: string;
  event_id: string;
  delivery_id: string;
}

/** Webhooks: the signing secret is made here, sealed, and shown once (in create's answer). */
export class WebhookService {
  constructor(
    private readonly store: ServiceStore,
    private readonly box: SecretBox,
    private readonly settings: { allowedHosts: AllowedHosts; timeoutMs?: number },
    private readonly now: () => Date,
  ) {}

  async create(accountId: string, input: WebhookInput): Promise<WebhookView & { secret: string }> {
    const kind = input.kind ?? 'generic';
    this.checkUrl(input.url);
    const options = optionsOf(kind, input.jira);
    const id = randomUUID();
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const record = await this.store.webhooks.create({
      id,
      accountId,
      name: input.name,
      url: input.url,
      kind,
      options,
      sealedSecret: this.box.seal(secret, sealContext.webhookSecret(accountId, id)),
      ...(input.jira
        ? { sealedAuth: this.box.seal(input.jira.api_token, sealContext.webhookAuth(accountId, id)) }
        : {}),
      at: this.now().toISOString(),
    });
    return { ...webhookView(record), secret };
  }

  async list(accountId: string): Promise<WebhookView[]> {
    return (await this.store.webhooks.list(accountId)).map(webhookView);
  }

  async get(accountId: string, id: string): Promise<WebhookView> {
    return webhookView(await this.record(accountId, id));
  }

  async update(
    accountId: string,
    id: string,
    input: Partial<Omit<WebhookInput, 'kind'>>,
  ): Promise<WebhookView> {
    const current = await this.record(accountId, id);
    if (input.url !== undefined) this.checkUrl(input.url);
    const updated = await this.store.webhooks.update(accountId, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.jira
        ? {
            options: optionsOf(current.kind, input.jira),
            sealedAuth: this.box.seal(input.jira.api_token, sealContext.webhookAuth(accountId, id)),
          }
        : {}),
      at: this.now().toISOString(),
    });
    if (!updated) throw new NotFoundError(`no webhook ${id}`);
    return webhookView(updated);
  }

  async delete(accountId: string, id: string): Promise<void> {
    if (!(await this.store.webhooks.delete(accountId, id))) throw new NotFoundError(`no webhook ${id}`);
  }

  /**
   * Sends a made-up event of `type` to the webhook now, signed like every notification, and
   * says what the receiver answered. Nothing is recorded: it is neither an event nor a delivery.
   */
  async test(accountId: string, id: string, type: EventType = 'analysis_update'): Promise<TestOutcome> {
    const record = await this.record(accountId, id);
    const event = sampleEvent(accountId, type, this.now().toISOString());
    const deliveryId = `test-${randomUUID()}`;
    const dispatcher = guardedDispatcher(this.settings.allowedHosts, this.settings.timeoutMs);
    const sent = await sendNotification(openWebhook(this.box, record), event, deliveryId, {
      dispatcher,
      allowedHosts: this.settings.allowedHosts,
      ...(this.settings.timeoutMs !== undefined ? { timeoutMs: this.settings.timeoutMs } : {}),
      now: this.now,
    }).finally(() => dispatcher.close());
    return {
      delivered: sent.ok,
      ...(sent.status !== undefined ? { status: sent.status } : {}),
      ...(!sent.ok ? { error: sent.error } : {}),
      event_id: event.id,
      delivery_id: deliveryId,
    };
  }

  private async record(accountId: string, id: string): Promise<WebhookRecord> {
    const record = await this.store.webhooks.get(accountId, id);
    if (!record) throw new NotFoundError(`no webhook ${id}`);
    return record;
  }

  private checkUrl(url: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError('the webhook url is not a valid URL');
    }
    try {
      checkWebhookUrl(parsed, this.settings.allowedHosts);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
}

function optionsOf(kind: WebhookKind, jira: JiraInput | undefined): WebhookOptions {
  if (kind !== 'jira') {
    if (jira) throw new UsageError('jira settings are for a webhook of kind jira');
    return {};
  }
  if (!jira) throw new UsageError('a jira webhook needs jira.project_key, jira.user and jira.api_token');
  return {
    jiraProjectKey: jira.project_key,
    jiraIssueType: jira.issue_type ?? 'Bug',
    jiraApiVersion: jira.api_version ?? 3,
    jiraUser: jira.user,
  };
}

/** Slack and Teams webhook URLs carry their credential in the path: shown as the origin only. */
function shownUrl(kind: WebhookKind, url: string): string {
  if (kind !== 'slack' && kind !== 'teams') return url;
  try {
    return `${new URL(url).origin}/…`;
  } catch {
    return '…';
  }
}

export function webhookView(record: WebhookRecord): WebhookView {
  const o = record.options;
  return {
    id: record.id,
    name: record.name,
    url: shownUrl(record.kind, record.url),
    kind: record.kind,
    ...(record.kind === 'jira'
      ? {
          jira: {
            project_key: o.jiraProjectKey ?? '',
            issue_type: o.jiraIssueType ?? 'Bug',
            api_version: o.jiraApiVersion ?? 3,
            user: o.jiraUser ?? '',
          },
        }
      : {}),
    created_at: record.createdAt,
    last_updated: record.updatedAt,
  };
}

const SAMPLE_DIGEST = `sha256:${'0'.repeat(64)}`;
const SAMPLE_TAG = 'registry.example/customs/test:latest';

/** A made-up event of each type, for the test endpoint. */
function sampleEvent(accountId: string, type: EventType, at: string): EventRecord {
  const base = { id: `test-${Date.now()}`, accountId, digest: SAMPLE_DIGEST, at };
  switch (type) {
    case 'tag_update':
      return { ...base, type, fullTag: SAMPLE_TAG, payload: { fullTag: SAMPLE_TAG, digest: SAMPLE_DIGEST } };
    case 'vuln_update':
      return {
        ...base,
        type,
        payload: {
          digest: SAMPLE_DIGEST,
          fullTags: [SAMPLE_TAG],
          added: [],
          removed: [],
          updated: [],
          feedState: 'test',
        },
      };
    case 'policy_eval':
      return {
        ...base,
        type,
        fullTag: SAMPLE_TAG,
        payload: {
          digest: SAMPLE_DIGEST,
          fullTag: SAMPLE_TAG,
          policyId: 'test',
          action: 'go',
          evaluationId: 'test',
          feedState: 'test',
        },
      };
    case 'analysis_update':
      return {
        ...base,
        type,
        payload: { digest: SAMPLE_DIGEST, status: 'analyzed', previousStatus: 'analyzing' },
      };
  }
}
