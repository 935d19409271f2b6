import { Module } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { PasswordHasher } from './password-hasher';
import { UserCredentials } from './user-credentials.service';
import { UserSignIns } from './user-sign-ins';
import { UserSecondFactors } from './second-factors';
import { UserLookup } from './user-lookup.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [
    UsersService,
    AccountsService,
    UsersRepository,
    PasswordHasher,
    UserCredentials,
    UserSignIns,
    UserLookup,
    UserSecondFactors,
  ],
  exports: [UserCredentials, UserSignIns, UserLookup, UserSecondFactors],
})
export class UsersModule {}
