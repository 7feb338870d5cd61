import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { unauthenticated } from '../../shared/errors.js';
import { AuthPayloadType, MemberType } from './accounts.types.js';
import { Member } from './member.entity.js';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayloadType)
  async login(@Arg('email') email: string, @Arg('password') password: string, @Ctx() { em, services }: Context): Promise<AuthPayloadType> {
    const { token, member } = await services.auth.login(em, email, password);
    return { token, member: MemberType.from(member) };
  }

  @Mutation(() => Boolean, { description: 'Ends the session of the token sent with this request.' })
  logout(@Ctx() { em, token, services }: Context): Promise<boolean> {
    return services.auth.logout(em, token);
  }

  @Authorized()
  @Query(() => MemberType, { description: 'The signed-in member (API keys have no member: UNAUTHENTICATED).' })
  async me(@Ctx() { em, principal }: Context): Promise<MemberType> {
    if (principal?.kind !== 'member') throw unauthenticated('me needs a signed-in member; API keys are not members.');
    return MemberType.from(await em.findOneOrFail(Member, { id: principal.memberId }, { populate: ['org'] }));
  }
}
