import { describe, expect, it } from 'vitest';
import { policiesAllowWasm } from './policy-allows-wasm';

describe('policiesAllowWasm', () => {
  it.each([
    ['no policy at all', [], true],
    ['a policy without script-src or default-src', ["img-src 'self'; frame-ancestors 'none'"], true],
    ["script-src with 'wasm-unsafe-eval'", ["script-src 'self' 'wasm-unsafe-eval'"], true],
    ["script-src with 'unsafe-eval'", ["default-src 'none'; script-src 'self' 'unsafe-eval'"], true],
    ['keywords in any case', ["SCRIPT-SRC 'self' 'WASM-UNSAFE-EVAL'"], true],
    ["default-src 'none'", ["default-src 'none'"], false],
    ["script-src 'self'", ["default-src *; script-src 'self' https://cdn.example"], false],
    ['script-src decides over a permissive default-src', ["default-src 'unsafe-eval'; script-src 'self'"], false],
    ['default-src when script-src is absent', ["default-src 'self' 'wasm-unsafe-eval'; img-src *"], true],
    ['the first of repeated directives counts', ["script-src 'self'; script-src 'unsafe-eval'"], false],
    ['every policy must allow it: a strict second header', ["script-src 'unsafe-eval'", "script-src 'self'"], false],
    ['every policy must allow it: comma-separated in one header', ["script-src 'unsafe-eval', script-src 'self'"], false],
    ['a quoted-looking host is not the keyword', ['script-src wasm-unsafe-eval'], false],
    ['empty directives and whitespace', [" ; ;script-src  'self'\t'wasm-unsafe-eval' ;"], true],
  ])('%s', (_name, policies, expected) => expect(policiesAllowWasm(policies)).toBe(expected));
});
