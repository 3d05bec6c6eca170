// The schemas and the contract's argument types are one: checked by the compiler (npm run
// typecheck compiles this file), so a drift fails the build, not a user's call.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { SCHEMAS_MATCH_CONTRACT, type DriftedMethods, type Same } from '../../src/common/api-schema';

describe('the API schemas and the contract', () => {
  it('have no method whose schema says something else than its argument type', () => {
    expectTypeOf<DriftedMethods>().toEqualTypeOf<never>();
    expect(SCHEMAS_MATCH_CONTRACT).toBe(true);
  });

  it('tell a drift apart: another type, a missing or an added property, at any depth', () => {
    const byId = z.object({ id: z.string().min(1) }).strict();
    expect(byId.safeParse({ id: 'RPT-1' }).success).toBe(true);
    expectTypeOf<Same<z.output<typeof byId>, { readonly id: string }>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof byId>, { readonly id: number }>>().toEqualTypeOf<false>();
    expectTypeOf<Same<z.output<typeof byId>, { readonly id: string; readonly limit?: number }>>().toEqualTypeOf<false>();
    const nested = z.object({ filter: z.object({ categories: z.array(z.string()).optional() }) });
    expect(nested.safeParse({ filter: {} }).success).toBe(true);
    expectTypeOf<Same<z.output<typeof nested>, { readonly filter: { readonly categories?: readonly string[] } }>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof nested>, { readonly filter: { readonly categories?: readonly number[] } }>>().toEqualTypeOf<false>();
  });
});
