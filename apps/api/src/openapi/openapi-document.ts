import { HttpStatus, type INestApplication, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { IS_PUBLIC } from '../auth/decorators/public.decorator.js';
import { ErrorBody, FieldErrorSchema } from '../common/errors/error-body.js';
import { errorResponse } from './api-responses.js';

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;

/** `AgendaItemsController.list` → `AgendaItems_list`: stable while the names are. */
export const operationId = (controller: string, method: string) =>
  `${controller.replace(/Controller$/, '')}_${method}`;

/** One route as Nest runs it, for the document's security and for the spec that checks it. */
export interface RouteFacts {
  operationId: string;
  /** The guard lets it through without a token. */
  isPublic: boolean;
  /** The status a success answers with (`@HttpCode`, else 201 for POST, 200 otherwise). */
  status: number;
}

/** Every route handler of the app, read from the same metadata the router and the guard read. */
export function routeFacts(app: INestApplication): RouteFacts[] {
  const reflector = new Reflector();
  const facts: RouteFacts[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const proto = metatype.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (!Reflect.hasMetadata(PATH_METADATA, handler)) continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        facts.push({
          operationId: operationId(metatype.name, name),
          isPublic: !!reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, metatype]),
          status:
            (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
            (method === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK),
        });
      }
    }
  }
  return facts;
}

const config = new DocumentBuilder()
  .setTitle('职代会 Congress API')
  .setDescription(
    '职工代表大会：代表名册、提案、议程分发与签收、无记名投票、会议记录。' +
      '错误一律以 ErrorBody `{ statusCode, code, message, details? }` 答复。' +
      ' · Employee Representative Congress: rosters, proposals, circulation, ballots, minutes.',
  )
  .setVersion('0.1.0')
  .addSecurity('bearer', {
    type: 'http',
    scheme: 'bearer',
    description:
      '不透明的访问令牌（非 JWT），由 POST /api/auth/login 或 /api/auth/code-login 取得 · ' +
      'opaque access token from /api/auth/login',
  })
  .addSecurityRequirements('bearer')
  .build();

/**
 * The OpenAPI document of the app: operation ids from {@link operationId}, the bearer token
 * required everywhere except on `@Public()` routes, and the error statuses every route can
 * answer by construction (validation 400, 401/403 from the guard, 404 for a path's ids) added to
 * what the controllers declare.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: operationId,
    extraModels: [ErrorBody, FieldErrorSchema],
  });
  const facts = new Map(routeFacts(app).map((f) => [f.operationId, f]));
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as OperationObject[]) {
      if (typeof op !== 'object' || op === null || !('responses' in op)) continue;
      const route = facts.get(op.operationId ?? '');
      if (!route) throw new Error(`no route for operation ${op.operationId}`);
      if (route.isPublic) op.security = [];
      const params = op.parameters ?? [];
      const implied = [
        ...(params.length > 0 || op.requestBody ? [400] : []),
        ...(route.isPublic ? [] : [401, 403]),
        ...(params.some((p) => 'in' in p && p.in === 'path') ? [404] : []),
      ];
      for (const status of implied) op.responses[status] ??= errorResponse(status);
      op.responses = Object.fromEntries(
        Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
  }
  return document;
}
