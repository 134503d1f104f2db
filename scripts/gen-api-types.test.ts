// A3: the web client's types are generated from the served OpenAPI document; this fails when a route's
// schema changed and `npm run gen:api` was not run.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from './gen-api-types.ts';

describe('typed web client', () => {
  it('A3: web/src/api/schema.d.ts matches the OpenAPI document of the current routes', async () => {
    const committed = await readFile(API_TYPES_FILE, 'utf8');
    expect(committed === (await generateApiTypes()), 'run `npm run gen:api` and commit the result').toBe(
      true,
    );
  }, 60_000);
});
