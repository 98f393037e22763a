import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { ROLES as ROLES_KEY } from '../../apps/api/src/auth/decorators/roles.decorator.js';
import { IS_PUBLIC } from '../../apps/api/src/auth/decorators/public.decorator.js';
import { operationId } from '../../apps/api/src/openapi/openapi-document.js';
import type { Role } from '../../libs/contracts/src/index.js';
import type { Access } from './access-matrix.js';

/**
 * What the code says about each handler (routes by operation id, socket events by name): public,
 * any signed-in role, or the roles of its `@Roles(...)`. Read from the metadata the guard reads.
 */
export function declaredAccess(app: INestApplication): {
  routes: Map<string, Access>;
  events: Map<string, Access>;
} {
  const reflector = new Reflector();
  const routes = new Map<string, Access>();
  const events = new Map<string, Access>();
  const access = (handler: object, type: object): Access => {
    const targets = [handler, type] as unknown as Parameters<Reflector['getAllAndOverride']>[1];
    if (reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return 'public';
    const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    return roles && roles.length > 0 ? [...roles].sort() : 'signed-in';
  };
  for (const module of app.get(ModulesContainer).values()) {
    const classes = [
      ...[...module.controllers.values()].map((c) => ({ type: c.metatype, route: true })),
      ...[...module.providers.values()].map((p) => ({ type: p.metatype, route: false })),
    ];
    for (const { type, route } of classes) {
      if (typeof type !== 'function' || !type.prototype) continue;
      const proto = type.prototype as object;
      for (const name of Object.getOwnPropertyNames(proto)) {
        // The value without running getters (some providers have them).
        const handler: unknown = Object.getOwnPropertyDescriptor(proto, name)?.value;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (route && Reflect.hasMetadata(PATH_METADATA, handler))
          routes.set(operationId(type.name, name), access(handler, type));
        // @SubscribeMessage(event) stores the event under 'message' (@nestjs/websockets).
        const event = Reflect.getMetadata('message', handler) as string | undefined;
        if (!route && event) events.set(event, access(handler, type));
      }
    }
  }
  return { routes, events };
}
