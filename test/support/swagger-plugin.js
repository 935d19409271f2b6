// The @nestjs/swagger CLI plugin for ts-jest, with the options `nest build` uses (nest-cli.json):
// the e2e app then describes itself exactly as the built app does (response types and statuses,
// schemas, formats), so the tests check the OpenAPI document that ships.
const plugin = require('@nestjs/swagger/plugin');
const nestCli = require('../../nest-cli.json');

const { options } = nestCli.compilerOptions.plugins.find((p) => p.name === '@nestjs/swagger');

module.exports = {
  name: 'nestjs-swagger-plugin',
  version: 1,
  factory: (tsCompiler) => plugin.before(options, tsCompiler.program),
};
