/** A tab's results as the background stores them, for tests of the code that writes and reads them. */
import type { TabState } from '../messaging/responses';

export const pricingTabState = (tabId: number): TabState => ({
  tabId,
  url: 'https://openai.com/api/pricing/',
  tools: [{ id: 'gpt-4-1-mini', name: 'GPT-4.1 Mini', vendor: 'OpenAI', overall: 8.9, count: 2 }],
  subject: 'gpt-4-1-mini',
  isPricingPage: true,
  scannedAt: 0,
});
