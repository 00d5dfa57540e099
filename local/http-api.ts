import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CloudAssembly, referencedLogicalId } from './cloud-assembly.ts';
import { type LoadedFunction, Throttled } from './lambda-host.ts';

export interface Route {
  method: string;
  path: string;
  routeKey: string;
  functionLogicalId: string;
  matcher: RegExp;
  parameterNames: string[];
  /** The largest request body the route takes. */
  maxBodyBytes: number;
}

/** API Gateway's own limit on a request payload. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** A function URL's limit on a request payload. */
const MAX_FUNCTION_URL_BODY_BYTES = 6 * 1024 * 1024;

/**
 * The HTTP API's routes as the template declares them (route key → integration → function), and each function URL
 * served under the path its `mitra:path` metadata names (lib/webhook-url.ts), for every method, as the URL is.
 */
export function routesFromTemplate(assembly: CloudAssembly): Route[] {
  const functionUrls = assembly.resourcesOfType('AWS::Lambda::Url').map(([logicalId, url]): Route => {
    const path = url.Metadata?.['mitra:path'];
    const fn = referencedLogicalId(url.Properties?.TargetFunctionArn);
    if (typeof path !== 'string' || !fn) throw new Error(`function URL ${logicalId} names no path or function`);
    return {
      method: 'ANY',
      path,
      routeKey: '$default',
      functionLogicalId: fn.logicalId,
      matcher: new RegExp(`^${literal(path)}$`),
      parameterNames: [],
      maxBodyBytes: MAX_FUNCTION_URL_BODY_BYTES,
    };
  });
  return [...functionUrls, ...apiRoutes(assembly)];
}

function apiRoutes(assembly: CloudAssembly): Route[] {
  const integrations = new Map(assembly.resourcesOfType('AWS::ApiGatewayV2::Integration'));
  return assembly.resourcesOfType('AWS::ApiGatewayV2::Route').map(([, route]) => {
    const routeKey = String(route.Properties?.RouteKey);
    const [method, path] = routeKey.split(' ') as [string, string];
    const target = route.Properties?.Target as { 'Fn::Join': [string, unknown[]] } | string;
    const integrationRef = typeof target === 'object' ? referencedLogicalId(target['Fn::Join'][1].at(-1)) : undefined;
    const integration = integrationRef ? integrations.get(integrationRef.logicalId) : undefined;
    const fn = referencedLogicalId(integration?.Properties?.IntegrationUri);
    if (!fn) throw new Error(`route ${routeKey} has no Lambda integration the embedded runtime understands`);
    const parameterNames: string[] = [];
    const pattern = path
      .split('/')
      .map((segment) => {
        const param = /^\{(.+?)(\+)?\}$/.exec(segment);
        if (!param) return literal(segment);
        parameterNames.push(param[1]!);
        return param[2] ? '(.+)' : '([^/]+)';
      })
      .join('/');
    return {
      method,
      path,
      routeKey,
      functionLogicalId: fn.logicalId,
      matcher: new RegExp(`^${pattern}$`),
      parameterNames,
      maxBodyBytes: MAX_BODY_BYTES,
    };
  });
}

/** A path as a regular expression matching exactly it. */
function literal(path: string): string {
  return path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function matchRoute(routes: Route[], method: string, path: string) {
  for (const route of routes) {
    if (route.method !== method && route.method !== 'ANY') continue;
    const match = route.matcher.exec(path);
    if (match) {
      const pathParameters = Object.fromEntries(
        route.parameterNames.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]),
      );
      return { route, pathParameters };
    }
  }
  return undefined;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript)|[^;]*\+json)/i;

/** An API Gateway HTTP API (payload format 2.0) event, built as API Gateway builds it; a function URL's is the same. */
function apiGatewayEvent(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  route: Route,
  pathParameters: Record<string, string>,
) {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') cookies.push(...String(value).split(/;\s*/));
    else headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
  const isText = body.length === 0 || TEXT_TYPES.test(headers['content-type'] ?? '');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(route.parameterNames.length ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !isText,
  };
}

/** Writes a handler's result back as API Gateway does, including its shortcut for results without a statusCode. */
function writeResult(res: ServerResponse, result: unknown): void {
  if (result === null || typeof result !== 'object' || !('statusCode' in result)) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(typeof result === 'string' ? result : JSON.stringify(result));
    return;
  }
  const r = result as {
    statusCode: number;
    headers?: Record<string, string>;
    body?: string;
    isBase64Encoded?: boolean;
    cookies?: string[];
  };
  const headers: Record<string, string | string[]> = { ...(r.headers ?? {}) };
  if (r.cookies?.length) headers['set-cookie'] = r.cookies;
  res.writeHead(r.statusCode, headers);
  res.end(r.body === undefined ? undefined : r.isBase64Encoded ? Buffer.from(r.body, 'base64') : r.body);
}

export async function serveRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  routes: Route[],
  functions: Map<string, LoadedFunction>,
): Promise<boolean> {
  const matched = matchRoute(routes, req.method ?? 'GET', url.pathname);
  if (!matched) return false;
  const body = await readBody(req, matched.route.maxBodyBytes);
  if (body === 'too-large') {
    // The rest of the body is never read: the connection cannot carry another request, and the client is told so.
    res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify({ message: 'Request Entity Too Large' }));
    return true;
  }
  const fn = functions.get(matched.route.functionLogicalId);
  if (!fn)
    throw new Error(
      `route ${matched.route.routeKey} points at function ${matched.route.functionLogicalId}, which is not loaded`,
    );
  try {
    writeResult(res, await fn.invoke(apiGatewayEvent(req, url, body, matched.route, matched.pathParameters)));
  } catch (error) {
    if (error instanceof Throttled) {
      // What API Gateway answers when the function is throttled; the caller tries again later.
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Service Unavailable' }));
      return true;
    }
    // What API Gateway answers when the integration itself fails.
    console.error(`[${fn.spec.name}] ${(error as Error).stack ?? String(error)}`);
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: 'Internal Server Error' }));
  }
  return true;
}
