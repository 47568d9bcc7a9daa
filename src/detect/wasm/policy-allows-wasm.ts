/**
 * Whether a document's Content Security Policies let a script in it compile WebAssembly. In Chromium
 * the page's policy governs our content script's world too, and a refused compile is not private: the
 * page receives a `securitypolicyviolation` event and the site's report endpoint a report. So the
 * content script compiles its WebAssembly scan only where every policy allows it, and otherwise scans
 * in JavaScript. Pure.
 */

/**
 * `policies`: the document's policy texts — every Content-Security-Policy and
 * Content-Security-Policy-Report-Only header value (a report-only policy reports too) and every
 * `<meta http-equiv>` policy. One text may hold several policies, comma-separated.
 */
export function policiesAllowWasm(policies: readonly string[]): boolean {
  return policies.every((text) => text.split(',').every(policyAllowsWasm));
}

/** One policy: compiling WebAssembly is checked against script-src, or default-src without it. */
function policyAllowsWasm(policy: string): boolean {
  const directives = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().toLowerCase().split(/\s+/);
    // The first of a repeated directive is the one that counts.
    if (name && !directives.has(name)) directives.set(name, sources);
  }
  const sources = directives.get('script-src') ?? directives.get('default-src');
  return !sources || sources.includes("'wasm-unsafe-eval'") || sources.includes("'unsafe-eval'");
}
