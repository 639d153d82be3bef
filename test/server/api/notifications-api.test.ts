// The notification routes over both stores: webhooks (secret shown once), the test endpoint
// against a real loopback receiver, subscriptions, and events with their deliveries' states.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../../src/server/notifications/index.js';
import { Receiver } from '../notifications/receiver.js';
import { apiBackends, bearer, startApi, type ApiHarness } from './api-harness.js';

const backends = await apiBackends();
const digest = `sha256:${'c'.repeat(64)}`;

describe.each(backends)('notification routes ($name)', (backend) => {
  let api: ApiHarness;
  let receiver: Receiver;
  let auth: Record<string, string>;

  beforeAll(async () => {
    api = await startApi(backend, { allowedWebhookHosts: ['127.0.0.1'] });
    auth = bearer(api.adminKey);
    receiver = await new Receiver([200]).start();
  });
  afterAll(async () => {
    await receiver?.stop();
    await api?.close();
  });

  it('creates a webhook showing its secret once, never in list or get, and tests it against the receiver', async () => {
    const created = await api.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: auth,
      payload: { name: 'ci', url: receiver.url },
    });
    expect(created.statusCode).toBe(201);
    const hook = created.json();
    expect(hook).toMatchObject({ name: 'ci', url: receiver.url, kind: 'generic' });
    expect(hook.secret).toMatch(/^whsec_/);
    const listed = await api.app.inject({ url: '/v1/webhooks', headers: auth });
    expect(listed.json()).toEqual([expect.objectContaining({ id: hook.id })]);
    const one = await api.app.inject({ url: `/v1/webhooks/${hook.id}`, headers: auth });
    for (const body of [listed.body, one.body]) {
      expect(body).not.toContain(hook.secret);
      expect(body).not.toContain('secret');
    }
    expect(api.logs.join('\n')).not.toContain(hook.secret);

    const test = await api.app.inject({
      method: 'POST',
      url: `/v1/webhooks/${hook.id}/test?type=tag_update`,
      headers: auth,
    });
    expect(test.statusCode).toBe(200);
    expect(test.json()).toMatchObject({ delivered: true, status: 200 });
    const got = receiver.received.at(-1)!;
    expect(got.headers['customs-event-type']).toBe('tag_update');
    expect(got.headers['customs-delivery-id']).toBe(test.json().delivery_id);
    expect(
      verifySignature({
        secret: hook.secret,
        body: got.body,
        header: got.headers['customs-signature'] as string,
      }).valid,
    ).toBe(true);

    receiver.statuses = [500];
    const failing = await api.app.inject({
      method: 'POST',
      url: `/v1/webhooks/${hook.id}/test`,
      headers: auth,
    });
    expect(failing.json()).toMatchObject({
      delivered: false,
      status: 500,
      error: 'the receiver answered HTTP 500',
    });
    receiver.statuses = [200];
  });

  it('refuses a metadata or loopback URL that is not allowed, and keeps JIRA tokens and Slack URLs out of answers', async () => {
    for (const url of [
      'http://169.254.169.254/latest',
      'http://[::1]:8080/',
      'http://metadata.google.internal/',
    ])
      expect(
        (
          await api.app.inject({
            method: 'POST',
            url: '/v1/webhooks',
            headers: auth,
            payload: { name: 'x', url },
          })
        ).json().error.message,
        url,
      ).toMatch(/refused to deliver/);
    const jira = await api.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: auth,
      payload: {
        name: 'jira',
        url: 'https://jira.example.com',
        kind: 'jira',
        jira: { project_key: 'SEC', user: 'bot@example.com', api_token: 'jira-tok-8842', api_version: 2 },
      },
    });
    expect(jira.statusCode).toBe(201);
    expect(jira.json().jira).toEqual({
      project_key: 'SEC',
      issue_type: 'Bug',
      api_version: 2,
      user: 'bot@example.com',
    });
    expect(jira.body).not.toContain('jira-tok-8842');
    const slack = await api.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: auth,
      payload: { name: 'chat', url: 'https://hooks.slack.com/services/T000/B000/XXXXsecret', kind: 'slack' },
    });
    expect(slack.json().url).toBe('https://hooks.slack.com/…');
    const all = await api.app.inject({ url: '/v1/webhooks', headers: auth });
    expect(all.body).not.toContain('XXXXsecret');
    expect(all.body).not.toContain('jira-tok-8842');
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: '/v1/webhooks',
          headers: auth,
          payload: { name: 'j', url: 'https://j.example', kind: 'jira' },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('subscribes, lists events by filter, and shows an event with its deliveries', async () => {
    const hook = (
      await api.app.inject({
        method: 'POST',
        url: '/v1/webhooks',
        headers: auth,
        payload: { name: 'ev', url: receiver.url },
      })
    ).json();
    const sub = await api.app.inject({
      method: 'POST',
      url: '/v1/subscriptions',
      headers: auth,
      payload: { type: 'analysis_update', scope: digest, webhook_id: hook.id },
    });
    expect(sub.statusCode).toBe(201);
    expect(sub.json()).toMatchObject({
      type: 'analysis_update',
      scope: digest,
      active: true,
      webhook_id: hook.id,
    });
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: '/v1/subscriptions',
          headers: auth,
          payload: { type: 'analysis_update', scope: 'no spaces allowed', webhook_id: hook.id },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await api.app.inject({
          method: 'POST',
          url: '/v1/subscriptions',
          headers: auth,
          payload: { type: 'tag_update', webhook_id: 'nope' },
        })
      ).statusCode,
    ).toBe(404);
    const adminId = (await api.store.accounts.byName('admin'))!.id;
    const event = await api.store.events.add({
      type: 'analysis_update',
      accountId: adminId,
      digest,
      payload: { digest, status: 'analyzed' },
      at: new Date().toISOString(),
    });
    await api.store.events.add({
      type: 'tag_update',
      accountId: adminId,
      digest,
      fullTag: 'reg/app:9',
      payload: { fullTag: 'reg/app:9', digest },
      at: new Date().toISOString(),
    });
    const list = await api.app.inject({
      url: `/v1/events?type=analysis_update&digest=${digest}`,
      headers: auth,
    });
    expect(list.json()).toEqual({
      items: [expect.objectContaining({ id: event.id, type: 'analysis_update' })],
      total: 1,
    });
    const byTag = await api.app.inject({ url: '/v1/events?tag=reg/app:9', headers: auth });
    expect(byTag.json().items.map((e: { type: string }) => e.type)).toEqual(['tag_update']);
    const after = await api.app.inject({ url: `/v1/events?after=${event.id}`, headers: auth });
    expect(after.json().items.map((e: { type: string }) => e.type)).toEqual(['tag_update']);
    const one = await api.app.inject({ url: `/v1/events/${event.id}`, headers: auth });
    expect(one.json().event).toMatchObject({ id: event.id, digest, payload: { status: 'analyzed' } });
    expect(one.json().deliveries).toEqual([
      expect.objectContaining({ webhook_id: hook.id, state: 'pending', attempts: 0 }),
    ]);
    const off = await api.app.inject({
      method: 'PATCH',
      url: `/v1/subscriptions/${sub.json().id}`,
      headers: auth,
      payload: { active: false },
    });
    expect(off.json().active).toBe(false);
    expect(
      (await api.app.inject({ method: 'DELETE', url: `/v1/subscriptions/${sub.json().id}`, headers: auth }))
        .statusCode,
    ).toBe(204);
    expect(
      (await api.app.inject({ method: 'DELETE', url: `/v1/webhooks/${hook.id}`, headers: auth })).statusCode,
    ).toBe(204);
    expect(
      (await api.app.inject({ url: `/v1/events/${event.id}`, headers: auth })).json().deliveries,
    ).toEqual([]);
  });
});
