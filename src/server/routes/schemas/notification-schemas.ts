import { Type } from '@sinclair/typebox';

export const EventTypeSchema = Type.Union([
  Type.Literal('tag_update'),
  Type.Literal('vuln_update'),
  Type.Literal('policy_eval'),
  Type.Literal('analysis_update'),
]);

export const WebhookKindSchema = Type.Union([
  Type.Literal('generic'),
  Type.Literal('slack'),
  Type.Literal('teams'),
  Type.Literal('jira'),
]);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const JiraView = Type.Object({
  project_key: Type.String(),
  issue_type: Type.String(),
  api_version: Type.Union([Type.Literal(2), Type.Literal(3)]),
  user: Type.String(),
});

// No secret or token here: a response cannot carry them, whatever a handler returns.
export const WebhookSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: Type.String({ description: 'Slack and Teams URLs (credentials themselves) are shown by origin only' }),
  kind: WebhookKindSchema,
  jira: Type.Optional(JiraView),
  created_at: Type.String(),
  last_updated: Type.String(),
});

export const CreatedWebhookSchema = Type.Composite([
  WebhookSchema,
  Type.Object({
    secret: Type.String({ description: 'The signing secret: shown in this answer only, never again' }),
  }),
]);

export const JiraBody = Type.Object(
  {
    project_key: Type.String({ minLength: 1, maxLength: 50 }),
    issue_type: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    api_version: Type.Optional(Type.Union([Type.Literal(2), Type.Literal(3)])),
    user: Type.String({ minLength: 1 }),
    api_token: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

export const SubscriptionSchema = Type.Object({
  id: Type.String(),
  type: EventTypeSchema,
  scope: Type.String(),
  webhook_id: Type.String(),
  active: Type.Boolean(),
  created_at: Type.String(),
});

export const SCOPE_PATTERN = '^(\\*|sha256:[a-f0-9]{64}|[^\\s@]+:[^\\s:/@]+)$';

/** An event as recorded (the generic notification's body). */
export const EventSchema = Type.Object({
  id: Type.String(),
  type: EventTypeSchema,
  accountId: Type.String(),
  digest: Type.Optional(Type.String()),
  fullTag: Type.Optional(Type.String()),
  payload: Type.Unknown(),
  at: Type.String(),
});

export const DeliverySchema = Type.Object({
  id: Type.String(),
  webhook_id: Type.String(),
  state: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  next_attempt_at: Type.Optional(Type.String()),
  last_status: Type.Optional(Type.Integer()),
  last_error: Type.Optional(Type.String()),
  delivered_at: Type.Optional(Type.String()),
  created_at: Type.String(),
});
