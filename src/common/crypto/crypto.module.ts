import { Global, Module } from '@nestjs/common';
import { FieldEncryption } from './field-encryption.service';
import { KeyRotation } from './key-rotation.service';

@Global()
@Module({ providers: [FieldEncryption, KeyRotation], exports: [FieldEncryption, KeyRotation] })
export class CryptoModule {}
