import { Fn } from 'aws-cdk-lib';
import { type CfnUrl, FunctionUrlAuthType, type IFunction, InvokeMode } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** The path Meta is given under the function's URL; the embedded runtime serves the function there too. */
const WEBHOOK_PATH = '/webhook';
/** Template metadata naming the path a function URL is served under on the embedded runtime (local/http-api.ts). */
const URL_PATH_METADATA_KEY = 'mitra:path';

/**
 * Meta's way in: the webhook function's own URL rather than an HTTP API route. Every inbound message brings four
 * webhook requests (the message and three statuses of its answer); on the HTTP API they cost $4 a million, more than
 * the whole budget of a message, and a function URL costs nothing beyond the invocation. It needs nothing the API
 * adds: Meta's signature is checked in the function over the raw body, the function's reserved concurrency caps a
 * flood, its URL metrics carry the alarms, and Meta's webhooks are a few KB (media come by id), far under the URL's
 * 6 MB. The function answers only `/webhook` (404 elsewhere), so the address Meta is given reads as CONTRACT.md's.
 */
export class WebhookUrl extends Construct {
  /** `https://<url-id>.lambda-url.<region>.on.aws/webhook`: the callback URL to enter in the Meta app dashboard. */
  readonly callbackUrl: string;

  constructor(scope: Construct, id: string, props: { readonly handler: IFunction }) {
    super(scope, id);
    const url = props.handler.addFunctionUrl({
      // Meta calls without credentials AWS could check; the function authenticates every POST by its
      // X-Hub-Signature-256 HMAC with the app secret (401 otherwise), and GET answers only the verify-token handshake.
      authType: FunctionUrlAuthType.NONE,
      invokeMode: InvokeMode.BUFFERED,
    });
    (url.node.defaultChild as CfnUrl).addMetadata(URL_PATH_METADATA_KEY, WEBHOOK_PATH);
    // The URL ends with '/': joined without doubling it.
    this.callbackUrl = Fn.join('', [url.url, WEBHOOK_PATH.slice(1)]);
  }
}
