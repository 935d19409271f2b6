import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppModule } from '../app.module';
import { API_PREFIX, buildOpenApiDocument } from '../setup-app';

/**
 * Writes the OpenAPI document to the file named on the command line, with no database and no
 * configuration: preview mode registers every module and route but instantiates nothing (no
 * connection, no secrets read), and the document is built from that registration alone.
 */
async function main(out: string | undefined): Promise<void> {
  if (!out) throw new Error('usage: node dist/src/cli/export-openapi.js <file.json>');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), {
    preview: true,
    logger: false,
    bodyParser: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  const document = buildOpenApiDocument(app);
  await app.close();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`OpenAPI document written to ${out} (${Object.keys(document.paths).length} paths)`);
}

main(process.argv[2]).catch((error: Error) => {
  console.error(`Failed to export the OpenAPI document: ${error.message}`);
  process.exit(1);
});
