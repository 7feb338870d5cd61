import { Entity, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Organization } from '../organizations/organization.entity.js';

/** An organization's own price for a model, in USD per million tokens; wins over the price list. */
@Entity({ tableName: 'price_override' })
export class PriceOverride {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Organization, { fieldName: 'org_id' })
  org!: Organization;

  @Property({ type: 'text' })
  model!: string;

  @Property({ type: 'decimal', precision: 20, scale: 9, runtimeType: 'number' })
  inputUsdPerMtok!: number;

  @Property({ type: 'decimal', precision: 20, scale: 9, runtimeType: 'number' })
  outputUsdPerMtok!: number;

  @Property({ type: 'decimal', precision: 20, scale: 9, runtimeType: 'number', nullable: true })
  cachedInputUsdPerMtok?: number | null;

  @Property({ type: 'decimal', precision: 20, scale: 9, runtimeType: 'number', nullable: true })
  cacheWriteUsdPerMtok?: number | null;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
