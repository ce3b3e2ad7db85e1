import type { NextConfig } from "next";

// Headers that are the same for every response. The Content-Security-Policy needs
// a fresh nonce per response and is set in proxy.ts.
const securityHeaders = [
  // A response is only ever what its Content-Type says (no script sniffed out of JSON or text).
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Other sites learn at most our origin, never the page (comment permalinks, tokens in paths).
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Older browsers that ignore CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
