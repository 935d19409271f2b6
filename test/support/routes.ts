import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ACCOUNT_SETUP_KEY, PUBLIC_KEY, ROLES_KEY } from '../../src/common/auth.decorators';
import type { Role } from '../../src/common/roles';
import { API_PREFIX } from '../../src/setup-app';

/** One route as Nest registers it: method, full Express path (`/api/v1/users/:id`) and its access metadata. */
export interface DiscoveredRoute {
  method: string;
  path: string;
  /** `Controller.handler`, for readable failure messages. */
  handler: string;
  isPublic: boolean;
  /** From the handler, else from the class, exactly as the global AccessGuard reads it. */
  roles: Role[] | undefined;
  /** Open while the user must first change a reset password (@AccountSetupRoute). */
  accountSetup: boolean;
}

const joinPath = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? (value as string[]) : [typeof value === 'string' ? value : '/'];

/** Handler metadata first, then the class: Reflector.getAllAndOverride's order, the guard's order. */
function override<T>(key: string, handler: object, controller: object): T | undefined {
  const own = Reflect.getMetadata(key, handler) as T | undefined;
  return own !== undefined ? own : (Reflect.getMetadata(key, controller) as T | undefined);
}

/**
 * Every controller route of the app, found through Nest's own module container (not a list kept by
 * hand): a route added tomorrow is walked tomorrow. `prefix` is the global prefix the app was given.
 */
export function discoverRoutes(app: INestApplication, prefix = API_PREFIX): DiscoveredRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller) continue;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as object;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
      if (methodPath === undefined) continue; // a helper method, not a route
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      for (const controllerPath of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
        for (const path of asList(methodPath)) {
          routes.push({
            method: RequestMethod[requestMethod],
            path: joinPath(prefix, controllerPath, path),
            handler: `${controller.name}.${name}`,
            isPublic: override<boolean>(PUBLIC_KEY, handler, controller) === true,
            roles: override<Role[]>(ROLES_KEY, handler, controller),
            accountSetup: override<boolean>(ACCOUNT_SETUP_KEY, handler, controller) === true,
          });
        }
      }
    }
  }
  return routes;
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every route the Express server would answer, read from its router: what Nest mapped plus anything
 * registered on the HTTP adapter directly (Swagger UI). Catch-all layers (Nest middleware mounted
 * for every method) are left out.
 */
export function expressRoutes(app: INestApplication): { method: string; path: string }[] {
  const instance = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return instance.router.stack.flatMap((layer) => {
    if (!layer.route) return [];
    const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all');
    if (methods.length > 5) return [];
    return methods.map((m) => ({ method: m.toUpperCase(), path: layer.route!.path }));
  });
}

/** `/api/v1/users/:id` → `/api/v1/users/{id}`, as OpenAPI spells it. */
export const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** A concrete URL for a route: each path parameter becomes a fresh UUID. */
export const withParams = (path: string, value: string) => path.replace(/:[A-Za-z0-9_]+/g, value);

export const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
