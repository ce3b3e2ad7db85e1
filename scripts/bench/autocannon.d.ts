// The part of autocannon 8's API that scripts/bench.ts and scripts/scale/ use
// (the package ships no types, and @types/autocannon is not a dependency).
declare module "autocannon" {
  namespace autocannon {
    type RawRequest = { method?: string; path?: string; headers: Record<string, string>; body?: Buffer | string };
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: Buffer | string;
      setupRequest?: (request: RawRequest, context: Record<string, unknown>) => RawRequest | null;
      onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
    };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      timeout?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: Buffer | string;
      requests?: Request[];
    };
    type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; total: number; sent: number; p50: number; p90: number; p99: number };
    type Result = {
      requests: Histogram;
      latency: Histogram;
      throughput: Histogram;
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      statusCodeStats: Record<string, { count: number }>;
    };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
