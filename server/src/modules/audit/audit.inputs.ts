import { Field, ID, InputType } from 'type-graphql';
import { DateTime } from '../../graphql/scalars.js';

@InputType({ description: 'Which audit entries to read. Every field narrows.' })
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'The acting member.' }) actorId?: string;
  @Field(() => String, { nullable: true, description: "The acting member's email (case-insensitive)." }) actorEmail?: string;
  @Field(() => ID, { nullable: true, description: 'The acting API key.' }) actorApiKeyId?: string;
  @Field(() => [String], { nullable: true, description: 'Actions, exact ("member.invite") or a family ("member.*").' }) actions?: string[];
  @Field(() => String, { nullable: true, description: 'member, apiKey, organization, reportSchedule, alertRule, priceOverride, report, auditLog, …' }) targetType?: string;
  @Field(() => ID, { nullable: true }) targetId?: string;
  @Field(() => DateTime, { nullable: true, description: 'From this instant (inclusive).' }) from?: Date;
  @Field(() => DateTime, { nullable: true, description: 'Before this instant (exclusive).' }) to?: Date;
}
