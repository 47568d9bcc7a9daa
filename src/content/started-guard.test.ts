// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { guardScriptStartedEvent } from './started-guard';

let n = 0;
const freshName = () => `ext-id:content:wxt:content-script-started-${++n}`;

/** What WXT's ContentScriptContext does: listen on document, and stop when the event arrives. */
function wxtListener(NAME: string): { stopped: () => boolean } {
  let stopped = false;
  document.addEventListener(NAME, () => (stopped = true));
  return { stopped: () => stopped };
}

const dispatch = (NAME: string) => document.dispatchEvent(new CustomEvent(NAME, { detail: { contentScriptName: 'content', messageId: 'x' } }));
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('guardScriptStartedEvent', () => {
  it('stops an event the page dispatches while our copy is alive', async () => {
    const NAME = freshName();
    guardScriptStartedEvent(window, NAME, () => true);
    await settle();
    const copy = wxtListener(NAME);
    dispatch(NAME);
    expect(copy.stopped()).toBe(false);
  });

  it('lets through the start event of a copy starting now, in the same task', async () => {
    const NAME = freshName();
    guardScriptStartedEvent(window, NAME, () => true);
    await settle();
    const older = wxtListener(NAME);
    guardScriptStartedEvent(window, NAME, () => true); // a newer copy's top level
    dispatch(NAME); // its context's constructor
    expect(older.stopped()).toBe(true);
  });

  it('lets the event through once the listening copy’s context is gone', async () => {
    const NAME = freshName();
    let valid = true;
    guardScriptStartedEvent(window, NAME, () => valid);
    await settle();
    const stale = wxtListener(NAME);
    valid = false;
    dispatch(NAME);
    expect(stale.stopped()).toBe(true);
  });
});
