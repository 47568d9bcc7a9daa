/** Match patterns for the vendors' hosts: the host itself and its subdomains, http and https. */
export function vendorMatchPatterns(hosts: readonly string[]): string[] {
  const unique = [...new Set(hosts.map((h) => h.toLowerCase()))].sort();
  // A host whose parent is also listed is already covered by the parent's `*.` pattern.
  const roots = unique.filter((h) => !unique.some((other) => other !== h && h.endsWith(`.${other}`)));
  return roots.flatMap((h) => [`*://${h}/*`, `*://*.${h}/*`]);
}

/** True when `hostname` is one of `hosts` or a subdomain of one. */
export function hostMatches(hostname: string, hosts: readonly string[]): boolean {
  const h = hostname.toLowerCase().replace(/^www\./, '');
  return hosts.some((d) => h === d || h.endsWith(`.${d}`));
}
