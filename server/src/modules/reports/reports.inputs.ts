import { Field, InputType, Int } from 'type-graphql';
import { UsageFilter } from '../usage/usage.inputs.js';
import { ReportFrequency, ReportSection } from './reports.types.js';

@InputType({ description: 'A report schedule. Ranges and formats are checked by the server, each problem naming its field.' })
export class ReportScheduleInput {
  @Field() name: string;
  @Field(() => ReportFrequency) frequency: ReportFrequency;
  @Field(() => String, { nullable: true, description: "IANA timezone; default: the organization's." }) timezone?: string;
  @Field(() => Int, { nullable: true, description: 'Local hour of the send, 0-23 (default 9).' }) hour?: number;
  @Field(() => Int, { nullable: true, description: 'WEEKLY: ISO weekday 1 (Monday, the default) ... 7 (Sunday).' }) weekday?: number;
  @Field(() => Int, { nullable: true, description: 'MONTHLY: day of the month, 1-28 (default 1).' }) dayOfMonth?: number;
  @Field(() => [String], { nullable: true }) emailRecipients?: string[];
  @Field(() => [String], { nullable: true, description: 'Slack incoming-webhook URLs (http or https). Secrets: masked for non-admins, never logged.' }) slackWebhookUrls?: string[];
  @Field(() => UsageFilter, { nullable: true, description: "Which events the report covers; its time range is replaced by the report's period." }) filter?: UsageFilter;
  @Field(() => [ReportSection], { nullable: true, description: 'Default: all sections.' }) sections?: ReportSection[];
  @Field(() => Boolean, { nullable: true, description: 'Default true.' }) enabled?: boolean;
}
