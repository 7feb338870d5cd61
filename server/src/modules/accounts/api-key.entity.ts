import { Entity, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Organization } from '../organizations/organization.entity.js';
import { Member } from './member.entity.js';

export type ApiKeyScope = 'INGEST' | 'READ' | 'ADMIN';

/** An API key. The secret is shown once at creation; only its SHA-256 is kept. */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** The organization or sub-account the key acts for. */
  @ManyToOne(() => Organization, { fieldName: 'org_id' })
  org!: Organization;

  @Property({ type: 'text' })
  name!: string;

  /** The first characters of the key, safe to show so people can tell keys apart. */
  @Property({ type: 'text' })
  prefix!: string;

  @Property({ type: 'text', unique: true, hidden: true })
  keyHash!: string;

  @Property({ type: 'text[]' })
  scopes!: ApiKeyScope[];

  @ManyToOne(() => Member, { fieldName: 'created_by_id', nullable: true, deleteRule: 'set null' })
  createdBy?: Member | null;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
