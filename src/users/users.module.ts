import { Module } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { PasswordHasher } from './password-hasher';
import { UserCredentials } from './user-credentials.service';
import { UserSignIns } from './user-sign-ins';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersService, AccountsService, UsersRepository, PasswordHasher, UserCredentials, UserSignIns],
  exports: [UserCredentials, UserSignIns],
})
export class UsersModule {}
