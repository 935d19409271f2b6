import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Principal } from '../common/auth.decorators';
import { AppConfig } from '../config/app-config';
import { type AccessTokenPayload, AuthService } from './auth.service';
import { JWT_AUDIENCE, JWT_ISSUER } from './jwt-options';

/** A valid signature is not enough: the user and the login behind the token must still be good. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<Principal | false> {
    if (typeof payload?.sub !== 'string' || typeof payload?.sid !== 'string') return false;
    if (!/^[0-9a-f-]{36}$/i.test(payload.sub) || !/^[0-9a-f-]{36}$/i.test(payload.sid)) return false;
    return (await this.auth.loadPrincipal(payload.sub, payload.sid)) ?? false;
  }
}
