import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { selectedFields } from '../usage/selection.js';
import type { AlertFiredMessage } from './alert-feed.js';
import { AlertRuleInput } from './alerts.inputs.js';
import { AlertEventStatus, AlertEventType, AlertRuleType, BudgetForecastType } from './alerts.types.js';
import { eventTypes, forecastType, ruleType } from './present.js';

interface Subscribe<A> {
  args: A;
  context: Context;
}

/** Alert rules, events, forecasts and the alertFired subscription: thin adapters over AlertsService. */
@Resolver()
export class AlertsResolver {
  @Authorized('read')
  @Query(() => [AlertRuleType], { description: 'Rules in view, by name. Webhook URLs are masked for non-admins.' })
  async alertRules(@Ctx() { principal, services }: Context): Promise<AlertRuleType[]> {
    return (await services.alerts.rules.list(principal!)).map((r) => ruleType(r, principal!));
  }

  @Authorized('read')
  @Query(() => AlertRuleType, { nullable: true })
  async alertRule(@Arg('id', () => ID) id: string, @Ctx() { principal, services }: Context): Promise<AlertRuleType | null> {
    const rule = await services.alerts.rules.find(principal!, id);
    return rule ? ruleType(rule, principal!) : null;
  }

  @Authorized('read')
  @Query(() => [AlertEventType], { description: 'Alert events, newest first: of one rule or of every rule in view, optionally only FIRING or RESOLVED ones.' })
  async alertEvents(
    @Arg('ruleId', () => ID, { nullable: true }) ruleId: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most 500.' }) limit: number,
    @Arg('status', () => AlertEventStatus, { nullable: true }) status: 'FIRING' | 'RESOLVED' | undefined,
    @Ctx() { principal, services }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AlertEventType[]> {
    const events = await services.alerts.events(principal!, { ruleId, status, limit });
    return eventTypes(services.alerts, principal!, events, selectedFields(info).has('deliveries'));
  }

  @Authorized('read')
  @Query(() => [BudgetForecastType], { description: 'Each COST budget rule (without groupBy): spend so far and the projection to the end of its period.' })
  async budgetForecasts(@Ctx() { principal, services }: Context): Promise<BudgetForecastType[]> {
    return (await services.alerts.forecasts(principal!)).map((f) => forecastType(f, principal!));
  }

  @Authorized('admin')
  @Mutation(() => AlertRuleType)
  async createAlertRule(@Arg('input', () => AlertRuleInput) input: AlertRuleInput, @Ctx() { principal, services }: Context): Promise<AlertRuleType> {
    return ruleType(await services.alerts.rules.create(principal!, input), principal!);
  }

  @Authorized('admin')
  @Mutation(() => AlertRuleType, { description: 'Replaces the rule. A change to what it measures (or disabling it) resolves its firing events without notifying; it starts afresh.' })
  async updateAlertRule(@Arg('id', () => ID) id: string, @Arg('input', () => AlertRuleInput) input: AlertRuleInput, @Ctx() { principal, services }: Context): Promise<AlertRuleType> {
    return ruleType(await services.alerts.rules.update(principal!, id, input), principal!);
  }

  @Authorized('admin')
  @Mutation(() => Boolean, { description: 'Deletes the rule: its firing events resolve, notifications not yet sent are cancelled, past events stay readable.' })
  deleteAlertRule(@Arg('id', () => ID) id: string, @Ctx() { principal, services }: Context): Promise<boolean> {
    return services.alerts.rules.delete(principal!, id);
  }

  @Authorized('read')
  @Subscription(() => AlertEventType, {
    description: 'Each alert event as it fires (and, with includeResolved, as it resolves), on whichever instance evaluated it.',
    subscribe: ({ args, context }: Subscribe<{ ruleId?: string | null; includeResolved?: boolean | null }>) => context.services.alerts.subscribe(context.principal, args),
  })
  async alertFired(
    @Root() message: AlertFiredMessage,
    @Arg('ruleId', () => ID, { nullable: true }) _ruleId: string | undefined,
    @Arg('includeResolved', () => Boolean, { defaultValue: false }) _includeResolved: boolean,
    @Ctx() { principal, services }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AlertEventType | null> {
    const event = await services.alerts.eventForSubscriber(principal, message);
    if (!event) return null;
    return (await eventTypes(services.alerts, principal!, [event], selectedFields(info).has('deliveries')))[0];
  }
}
