import { Entity, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Organization } from '../organizations/organization.entity.js';

export type Role = 'ADMIN' | 'MEMBER' | 'VIEWER';

@Entity({ tableName: 'member' })
export class Member {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Organization, { fieldName: 'org_id' })
  org!: Organization;

  /** Stored lower-cased; unique across the installation (a member signs in with it). */
  @Property({ type: 'text', unique: true })
  email!: string;

  @Property({ type: 'text', nullable: true, hidden: true })
  passwordHash?: string | null;

  @Property({ type: 'text' })
  role!: Role;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
