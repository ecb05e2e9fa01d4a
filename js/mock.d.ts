// Types of heymarket-wasm/mock: a local Heymarket for tests and demos.
import type { Conversation } from "./index.js";

export declare const FIXTURE_CREDENTIALS: Readonly<{ secretId: string; secretKey: string }>;
export declare const CONVERSATIONS: readonly Conversation[];

export interface MockAnswer {
  status?: number;
  json?: unknown;
  /** A raw body, sent as-is (for malformed bodies). */
  body?: string;
  headers?: Record<string, string>;
}

export interface MockStep extends MockAnswer {
  /** Wait before answering (aborted by the request's signal unless `ignoreAbort`). */
  delayMs?: number;
  /** Send the head at once but stall the body this long. */
  bodyDelayMs?: number;
  /** Never answer (until aborted, or ever with `ignoreAbort`). */
  hang?: boolean;
  ignoreAbort?: boolean;
  /** Fail like a refused connection. */
  networkError?: boolean;
  /** Route normally after the step's delays and headers. */
  passthrough?: boolean;
  /** How many requests this step answers. Default 1; `Infinity` allowed. */
  times?: number;
}

export interface MockRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
  auth: { valid: boolean; reason?: string; header?: unknown; payload?: { iss?: unknown; iat?: unknown; [k: string]: unknown } };
}

export interface MockServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface MockHeymarket {
  /** A WHATWG `fetch` answered in-process; works unbound. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  handle(request: Request): Promise<Response>;
  readonly requests: MockRequest[];
  script(...steps: MockStep[]): MockHeymarket;
  reset(): MockHeymarket;
  route(method: string, pattern: string, handler: (params: Record<string, string>, request: Request, body: string | null) => MockAnswer | Promise<MockAnswer>): void;
  listen(options?: { port?: number; host?: string }): Promise<MockServer>;
}

export declare function createMockHeymarket(options?: {
  secretId?: string;
  secretKey?: string;
  conversations?: readonly Conversation[];
  now?: () => number;
}): MockHeymarket;
