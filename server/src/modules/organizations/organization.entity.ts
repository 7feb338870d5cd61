import { Entity, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** A tenant, or a sub-account of one (parent set). root_id is filled by a database trigger. */
@Entity({ tableName: 'organization' })
export class Organization {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Organization, { nullable: true, fieldName: 'parent_id' })
  parent?: Organization | null;

  /** Set by a database trigger on insert (the root's own id for a root): refresh after creating. */
  @Property({ type: 'integer', fieldName: 'root_id', nullable: true })
  rootId!: number & Opt;

  @Property({ type: 'text', nullable: true })
  externalId?: string | null;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  timezone: string & Opt = 'UTC';

  @Property({ type: 'decimal', precision: 20, scale: 6, runtimeType: 'number' })
  creditsPerUsd: number & Opt = 1000;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
