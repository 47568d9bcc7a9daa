import { describe, expect, it } from 'vitest';
import { hostMatches, vendorMatchPatterns } from './vendor-matches';

describe('vendor hosts', () => {
  it('makes one pair of patterns per root host, folding subdomains already covered', () => {
    expect(vendorMatchPatterns(['openai.com', 'platform.openai.com', 'midjourney.com', 'openai.com'])).toEqual([
      '*://midjourney.com/*',
      '*://*.midjourney.com/*',
      '*://openai.com/*',
      '*://*.openai.com/*',
    ]);
  });
  it('matches a host and its subdomains, not look-alikes', () => {
    expect(hostMatches('www.cursor.com', ['cursor.com'])).toBe(true);
    expect(hostMatches('docs.cursor.com', ['cursor.com'])).toBe(true);
    expect(hostMatches('notcursor.com', ['cursor.com'])).toBe(false);
    expect(hostMatches('cursor.com.evil.net', ['cursor.com'])).toBe(false);
  });
});
