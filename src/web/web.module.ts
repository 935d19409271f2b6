import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';
import { AppConfig } from '../config/app-config';

/** Vite's hashed output: a file's name changes with its content, so it may be kept for a year. */
function cacheHeaders(res: Response, path: string): void {
  res.setHeader(
    'Cache-Control',
    /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

/**
 * The files of the built web app (config.webDir, normally dist/web) at `/`. The page itself, at
 * every client route, is web-page.ts's (a nonce per response), registered in setup-app.ts ahead of
 * this; so the module's own index fallback is pointed at `/index.html`, which that answers first,
 * and a missing asset is a 404 rather than a page of HTML where a script was expected.
 *
 * `/api` is kept out by the paths themselves (no file under dist/web/api, and the fallback never
 * matches it) rather than by the module's `exclude`: its error handler turns every error of an
 * excluded path into a 404, which would replace the API's own 400/413/415 answers to a bad body.
 */
@Module({
  imports: [
    ServeStaticModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [
        {
          rootPath: config.webDir,
          renderPath: '/index.html',
          serveStaticOptions: {
            index: false,
            redirect: false,
            dotfiles: 'ignore',
            cacheControl: false,
            setHeaders: cacheHeaders,
          },
        },
      ],
    }),
  ],
})
export class WebModule {}
