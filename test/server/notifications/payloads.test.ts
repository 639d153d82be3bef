import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../src/server/events/index.js';
import { formatPayload } from '../../../src/server/notifications/payloads/format-payload.js';

const digest = `sha256:${'a'.repeat(64)}`;
const vulnEvent: EventRecord = {
  id: '42',
  type: 'vuln_update',
  accountId: 'acct-1',
  digest,
  payload: {
    digest,
    fullTags: ['reg.example/app:1'],
    added: [
      {
        vulnerabilityId: 'CVE-2026-0001',
        severity: 'High',
        packageName: 'openssl',
        packageVersion: '3.0.1',
        packageType: 'deb',
        fixVersions: ['3.0.2'],
      },
    ],
    removed: [],
    updated: [],
    feedState: 'built 2026-05-01',
  },
  at: '2026-05-01T12:00:00.000Z',
};
const failed: EventRecord = {
  id: '43',
  type: 'analysis_update',
  accountId: 'acct-1',
  digest,
  payload: {
    digest,
    status: 'analysis_failed',
    previousStatus: 'analyzing',
    failureReason: 'registry said 404',
  },
  at: '2026-05-01T12:01:00.000Z',
};

// The shapes the receivers take, as far as these tests read them.
interface SlackText {
  type: string;
  text: string;
  emoji?: boolean;
}
interface SlackBlock {
  type: string;
  text?: SlackText;
  fields?: SlackText[];
  elements?: SlackText[];
}
interface CardElement {
  type: string;
  text?: string;
  facts?: { title: string; value: string }[];
}
interface AdfDoc {
  type: string;
  version: number;
  content: { type: string; content: { type: string; text: string }[] }[];
}
interface JiraFields {
  project: { key: string };
  issuetype: { name: string };
  summary: string;
  description: string | AdfDoc;
}

describe('notification payloads', () => {
  it('generic: the event as recorded, at the webhook URL', () => {
    const { url, body } = formatPayload('generic', 'https://r.example/hook', {}, vulnEvent);
    expect(url).toBe('https://r.example/hook');
    expect(body).toEqual({
      id: '42',
      type: 'vuln_update',
      accountId: 'acct-1',
      digest,
      payload: vulnEvent.payload,
      at: vulnEvent.at,
    });
  });

  it('Slack: text plus header, section, fields and context blocks within Slack limits', () => {
    const { body } = formatPayload('slack', 'https://hooks.slack.com/services/T/B/X', {}, vulnEvent) as {
      body: { text: string; blocks: SlackBlock[] };
    };
    expect(body.text).toBe('Vulnerabilities of reg.example/app:1 changed: 1 added, 0 removed, 0 updated');
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(body.blocks[0]!.text).toEqual({ type: 'plain_text', text: body.text, emoji: false });
    expect(body.blocks[0]!.text!.text.length).toBeLessThanOrEqual(150);
    expect(body.blocks[1]!.text!.type).toBe('mrkdwn');
    expect(body.blocks[1]!.text!.text).toContain('Added (1): CVE-2026-0001 (openssl)');
    expect(body.blocks[2]!.fields!.length).toBeLessThanOrEqual(10);
    expect(body.blocks[2]!.fields).toContainEqual({ type: 'mrkdwn', text: `*Digest*\n${digest}` });
    expect(body.blocks[3]!.elements![0]!.text).toContain('event 42');
  });

  it('Teams: a message with one Adaptive Card 1.4 (title, lines, fact set), alarming news in Attention', () => {
    const { body } = formatPayload('teams', 'https://x.webhook.office.com/y', {}, failed) as {
      body: {
        type: string;
        attachments: {
          contentType: string;
          contentUrl: null;
          content: { $schema: string; type: string; version: string; body: CardElement[] };
        }[];
      };
    };
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    const card = body.attachments[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(card.content.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    const [title, reason, facts] = card.content.body as [CardElement, CardElement, CardElement];
    expect(title).toMatchObject({ type: 'TextBlock', weight: 'Bolder', color: 'Attention', wrap: true });
    expect(title.text).toBe(`Analysis of ${digest}: analyzing → analysis_failed`);
    expect(reason).toEqual({ type: 'TextBlock', text: 'Reason: registry said 404', wrap: true });
    expect(facts.type).toBe('FactSet');
    expect(facts.facts).toContainEqual({ title: 'Status', value: 'analysis_failed' });
  });

  it('JIRA v2: plain-text description at /rest/api/2/issue; v3: an ADF document at /rest/api/3/issue', () => {
    const options = { jiraProjectKey: 'SEC', jiraIssueType: 'Task', jiraUser: 'bot@example.com' };
    const v2 = formatPayload(
      'jira',
      'https://jira.example/',
      { ...options, jiraApiVersion: 2 },
      vulnEvent,
    ) as {
      url: string;
      body: { fields: JiraFields };
    };
    expect(v2.url).toBe('https://jira.example/rest/api/2/issue');
    expect(v2.body.fields.project).toEqual({ key: 'SEC' });
    expect(v2.body.fields.issuetype).toEqual({ name: 'Task' });
    expect(v2.body.fields.summary).toBe(
      'Vulnerabilities of reg.example/app:1 changed: 1 added, 0 removed, 0 updated',
    );
    expect(typeof v2.body.fields.description).toBe('string');
    expect(v2.body.fields.description).toContain('CVE-2026-0001');
    expect(v2.body.fields.description).toContain(`Digest: ${digest}`);

    const v3 = formatPayload(
      'jira',
      'https://jira.example',
      { ...options, jiraApiVersion: 3 },
      vulnEvent,
    ) as {
      url: string;
      body: { fields: JiraFields };
    };
    expect(v3.url).toBe('https://jira.example/rest/api/3/issue');
    const doc = v3.body.fields.description as AdfDoc;
    expect(doc).toMatchObject({ type: 'doc', version: 1 });
    expect(doc.content.length).toBeGreaterThan(1);
    for (const paragraph of doc.content) {
      expect(paragraph.type).toBe('paragraph');
      expect(paragraph.content).toEqual([{ type: 'text', text: expect.any(String) }]);
    }
    expect(JSON.stringify(doc)).toContain('CVE-2026-0001');
    const long = {
      ...failed,
      payload: { ...failed.payload, digest: `sha256:${'b'.repeat(300)}` },
    } as EventRecord;
    const clipped = formatPayload('jira', 'https://jira.example', options, long).body as {
      fields: { summary: string };
    };
    expect(clipped.fields.summary.length).toBeLessThanOrEqual(255);
  });
});
