import { Entity, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Member } from './member.entity.js';

/** A sign-in. Only the hash of its bearer token is stored. */
@Entity({ tableName: 'member_session' })
export class MemberSession {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Member, { fieldName: 'member_id', deleteRule: 'cascade' })
  member!: Member;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
