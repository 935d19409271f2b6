import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { UserCredentials } from './user-credentials.service';
import { UserLookup } from './user-lookup.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, PasswordHasher, UserCredentials, UserLookup],
  exports: [UserCredentials, UserLookup],
})
export class UsersModule {}
