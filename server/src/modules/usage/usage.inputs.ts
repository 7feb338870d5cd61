import { Field, ID, InputType } from 'type-graphql';
import { DateTime } from '../../graphql/scalars.js';
import { SortDirection, StatusClass, Timeframe, UsageOrderField } from './usage.enums.js';

@InputType({ description: 'A custom property that must have this exact value.' })
export class PropertyFilter {
  @Field() key: string;
  @Field() value: string;
}

@InputType({ description: 'Which events count. Every list narrows (values are OR-ed within a list, lists AND-ed).' })
export class UsageFilter {
  @Field(() => Timeframe, { nullable: true, description: 'Default LAST_7_DAYS; weeks start on Monday.' }) timeframe?: string;
  @Field(() => DateTime, { nullable: true, description: 'With CUSTOM: the range start (inclusive).' }) from?: Date;
  @Field(() => DateTime, { nullable: true, description: 'With CUSTOM: the range end (exclusive).' }) to?: Date;
  @Field(() => String, { nullable: true, description: "IANA timezone; default: the organization's." }) timezone?: string;
  @Field(() => [ID], { nullable: true, description: "Sub-accounts (externalId or id); default: the viewer's whole tree." }) subAccountIds?: string[];
  @Field(() => Boolean, { nullable: true, description: "Default true: a parent's figures include its sub-accounts." }) includeSubAccounts?: boolean;
  @Field(() => [ID], { nullable: true }) teamIds?: string[];
  @Field(() => [ID], { nullable: true }) userIds?: string[];
  @Field(() => [String], { nullable: true }) models?: string[];
  @Field(() => [String], { nullable: true }) providers?: string[];
  @Field(() => [ID], { nullable: true }) agentIds?: string[];
  @Field(() => [String], { nullable: true }) agentTypes?: string[];
  @Field(() => [String], { nullable: true }) features?: string[];
  @Field(() => [PropertyFilter], { nullable: true, description: 'All must match.' }) properties?: PropertyFilter[];
  @Field(() => StatusClass, { nullable: true }) status?: string;
}

@InputType({ description: 'Default: COST_USD DESC. Ties are broken by key, so pages are stable.' })
export class UsageOrder {
  @Field(() => UsageOrderField) field: string;
  @Field(() => SortDirection, { defaultValue: 'DESC' }) direction: 'ASC' | 'DESC';
}
