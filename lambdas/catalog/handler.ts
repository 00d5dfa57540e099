import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { json } from '#adapters/http.ts';
import { logger } from '#adapters/powertools.ts';
import { catalog, publicCatalog } from '#core/catalog/catalog.ts';

// The catalog ships with the code, so its public view is computed once per cold start.
const body = publicCatalog(catalog());

export const handler = middy(async () => json(200, body, { 'cache-control': 'public, max-age=300' })).use(
  injectLambdaContext(logger),
);
