'use strict';
/**
 * The build `npm start` runs: the output of `nest build` (tsconfig.build.json, a clean dist/, the
 * Swagger plugin of nest-cli.json) in about half its time, so a first start on a fresh clone is quick.
 *
 * - No type check: that is `npm run typecheck`'s and CI's job, and a start should not wait for it.
 * - Only the files the plugin rewrites (DTOs, views, controllers) are emitted from the whole program,
 *   whose types the plugin reads. Every other file is transpiled on its own (isolatedModules, as the
 *   unit tests already compile the code), which skips the type work its decorator metadata would
 *   cost; the metadata it emits resolves to the same classes at run time.
 */
const { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const ts = require('typescript');

const ROOT = join(__dirname, '..');

function build() {
  const nestCli = require(join(ROOT, 'nest-cli.json'));
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, nestCli.compilerOptions.tsConfigPath),
    // jest's types are for the specs, which the build leaves out.
    { noCheck: true, types: ['node'] },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) },
  );
  if (parsed.errors.length) fail(parsed.errors);
  const { options, fileNames } = parsed;

  // Like nest's deleteOutDir: the output of a source that is gone (a migration!) must not survive.
  // The web app's build (dist/web, Vite's) is another build's output and stays.
  for (const entry of existsSync(options.outDir) ? readdirSync(options.outDir) : []) {
    if (entry !== 'web') rmSync(join(options.outDir, entry), { recursive: true, force: true });
  }

  const plugins = (nestCli.compilerOptions.plugins ?? []).map((p) => ({
    plugin: require(`${p.name}/plugin`),
    options: p.options ?? {},
  }));
  const suffixes = plugins.flatMap(({ options: o }) => [
    ...(o.dtoFileNameSuffix ?? ['.dto.ts', '.entity.ts']),
    ...(o.controllerFileNameSuffix ?? ['.controller.ts']),
  ]);
  const rewritten = (file) => suffixes.some((s) => file.endsWith(s));

  // Every file is a root, as for tsc, so outputs land where tsc puts them (dist/src, dist/migrations).
  const program = ts.createProgram({ rootNames: fileNames, options });
  const before = plugins.map(({ plugin, options: o }) => plugin.before(o, program));
  const errors = [...program.getSyntacticDiagnostics()];
  for (const file of fileNames.filter(rewritten)) {
    const result = program.emit(program.getSourceFile(file), undefined, undefined, false, { before });
    errors.push(...result.diagnostics);
  }

  // Where the program puts a file's output: outDir plus its path from the sources' common root.
  const rootDir = options.rootDir ?? program.getCommonSourceDirectory();
  for (const file of fileNames.filter((f) => !rewritten(f))) {
    const out = join(options.outDir, relative(rootDir, file)).replace(/\.ts$/, '.js');
    const { outputText, sourceMapText, diagnostics } = ts.transpileModule(ts.sys.readFile(file), {
      compilerOptions: { ...options, isolatedModules: true },
      fileName: relative(dirname(out), file),
      reportDiagnostics: true,
    });
    errors.push(...diagnostics);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
    if (sourceMapText) writeFileSync(`${out}.map`, sourceMapText);
  }

  // Without the type check these are syntax errors only: the output cannot run.
  const fatal = errors.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (fatal.length) fail(fatal);
}

function fail(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' };
  throw new Error(`build failed:\n${ts.formatDiagnostics(diagnostics, host)}`);
}

module.exports = { build };

if (require.main === module) {
  try {
    build();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
