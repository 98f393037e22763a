import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { API_CLIENT_DIR, renderApiClient } from './api-client.js';
import { createOpenApiDocument } from './openapi-document.js';
import { createPreviewApp } from './preview-app.js';

/*
 * `npm run api:client`: the OpenAPI document of the built api, from the controllers' metadata
 * (no database, no port), and the web app's typed client types, written to apps/web/src/api.
 */
const app = await createPreviewApp();
const files = await renderApiClient(createOpenApiDocument(app));
await app.close();
await mkdir(API_CLIENT_DIR, { recursive: true });
for (const [name, text] of Object.entries(files)) {
  await writeFile(join(API_CLIENT_DIR, name), text);
  process.stdout.write(`wrote ${join(API_CLIENT_DIR, name)}\n`);
}
