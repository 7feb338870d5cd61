import { CombinedError } from '@urql/vue';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { draftFromSchedule, emptyDraft, inputFromDraft, serverFieldErrors, validateDraft } from './schedule-form';

describe('the schedule form', () => {
  it('names each field that needs fixing', () => {
    const errors = validateDraft({ ...emptyDraft('UTC'), hour: 24, emailRecipients: 'ana@acme.test, not-an-email', sections: [] });
    expect(errors).toEqual({
      name: 'Give the schedule a name.',
      hour: 'The hour must be between 0 and 23.',
      emailRecipients: '"not-an-email" is not an email address.',
      sections: 'Choose at least one section.',
    });
    expect(validateDraft({ ...emptyDraft('UTC'), name: 'Weekly' }).emailRecipients).toBe('Give at least one email recipient or Slack webhook URL.');
  });

  it('builds the API input, keeping only the day field its frequency uses', () => {
    const input = inputFromDraft({ ...emptyDraft('Europe/Berlin'), name: ' Monthly costs ', frequency: 'MONTHLY', dayOfMonth: 3, emailRecipients: 'a@x.test\nb@x.test', models: 'gpt-4o' });
    expect(input).toMatchObject({ name: 'Monthly costs', frequency: 'MONTHLY', dayOfMonth: 3, weekday: undefined, emailRecipients: ['a@x.test', 'b@x.test'], filter: { models: ['gpt-4o'] } });
  });

  it('round-trips a stored schedule', () => {
    const stored = { name: 'W', frequency: 'WEEKLY' as const, timezone: 'UTC', hour: 8, weekday: 5, dayOfMonth: 1, emailRecipients: ['a@x.test'], slackWebhookUrls: [], sections: ['SUMMARY'], enabled: false, filter: { subAccountIds: ['acme-eu'] } };
    expect(inputFromDraft(draftFromSchedule(stored))).toMatchObject({ ...stored, dayOfMonth: undefined, filter: { subAccountIds: ['acme-eu'] } });
  });

  it('maps the server field errors to fields', () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('emailRecipients.1: must be an email address', { extensions: { code: 'BAD_USER_INPUT', field: 'emailRecipients.1', errors: [{ field: 'emailRecipients.1', message: 'must be an email address' }] } })],
    });
    expect(serverFieldErrors(error)).toEqual({ emailRecipients: 'Must be an email address' });
  });
});
