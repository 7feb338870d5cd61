import { Arg, Authorized, Ctx, Field, Float, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { Organization } from '../organizations/organization.entity.js';
import type { PriceOverride } from './price-override.entity.js';

@ObjectType('PriceOverride', { description: "The organization's own price for a model, in USD per million tokens." })
export class PriceOverrideType {
  @Field() model: string;
  @Field(() => Float) inputUsdPerMtok: number;
  @Field(() => Float) outputUsdPerMtok: number;
  @Field(() => Float, { nullable: true, description: 'Defaults to the input price.' }) cachedInputUsdPerMtok: number | null;
  @Field(() => Float, { nullable: true, description: 'Defaults to the input price.' }) cacheWriteUsdPerMtok: number | null;
  @Field(() => ID, { nullable: true, description: 'The sub-account whose own price this is; null for the organization itself.' }) subAccountId: string | null;

  static from(p: PriceOverride): PriceOverrideType {
    const org = p.org as Organization;
    return Object.assign(new PriceOverrideType(), {
      model: p.model,
      subAccountId: org.rootId != null && org.rootId !== org.id ? String(org.id) : null,
      inputUsdPerMtok: Number(p.inputUsdPerMtok),
      outputUsdPerMtok: Number(p.outputUsdPerMtok),
      cachedInputUsdPerMtok: p.cachedInputUsdPerMtok == null ? null : Number(p.cachedInputUsdPerMtok),
      cacheWriteUsdPerMtok: p.cacheWriteUsdPerMtok == null ? null : Number(p.cacheWriteUsdPerMtok),
    });
  }
}

@InputType()
export class PriceOverrideInput {
  @Field() model: string;
  @Field(() => Float) inputUsdPerMtok: number;
  @Field(() => Float) outputUsdPerMtok: number;
  @Field(() => Float, { nullable: true }) cachedInputUsdPerMtok?: number;
  @Field(() => Float, { nullable: true }) cacheWriteUsdPerMtok?: number;
  @Field(() => ID, { nullable: true, description: "Set this sub-account's own price (beats its parent's) instead of the caller's organization's." }) subAccountId?: string;
}

@Resolver()
export class PricingResolver {
  @Authorized()
  @Query(() => [PriceOverrideType])
  async priceOverrides(@Ctx() { em, principal, services }: Context): Promise<PriceOverrideType[]> {
    return (await services.priceOverrides.list(em, principal!)).map(PriceOverrideType.from);
  }

  @Authorized('admin')
  @Mutation(() => PriceOverrideType, { description: 'Sets the price of a model for events ingested from now on.' })
  async setPriceOverride(@Arg('input', () => PriceOverrideInput) input: PriceOverrideInput, @Ctx() { em, principal, services }: Context): Promise<PriceOverrideType> {
    return PriceOverrideType.from(await services.priceOverrides.set(em, principal!, input));
  }

  @Authorized('admin')
  @Mutation(() => Boolean)
  deletePriceOverride(
    @Arg('model') model: string,
    @Arg('subAccountId', () => ID, { nullable: true }) subAccountId: string | undefined,
    @Ctx() { em, principal, services }: Context,
  ): Promise<boolean> {
    return services.priceOverrides.remove(em, principal!, model, subAccountId);
  }
}
