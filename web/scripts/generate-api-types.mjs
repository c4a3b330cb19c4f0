// Turns the API's OpenAPI document into the web app's types (generated/api-schema.d.ts, outside src/: generated code is not ours to edit).
//   node web/scripts/generate-api-types.mjs                         from a running local host (./scripts/run.sh)
//   node web/scripts/generate-api-types.mjs path/to/openapi.json    from a saved document
//   … --stdout                                                       print instead of writing (the staleness test uses it)
// openapi-typescript lives in the root package.json: it needs TypeScript 5's compiler API, the web app builds with 7.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, NULL, NUMBER, tsUnion } from 'openapi-typescript';

const args = process.argv.slice(2);
const toStdout = args.includes('--stdout');
const source = args.find((arg) => !arg.startsWith('--')) ?? 'http://localhost:7071/openapi/v1.json';
const url = /^https?:\/\//.test(source) ? new URL(source) : pathToFileURL(resolve(source));

const header = `// Generated from the API's OpenAPI document by web/scripts/generate-api-types.mjs: do not edit.
// Regenerate after an API change: ./scripts/run.sh, then npm --prefix web run generate:api (see web/README.md).
`;
// ASP.NET Core describes an int as ["integer", "string"] because its JSON reader also accepts "42"; the API always
// writes a number, so the app's types say number.
function integerAsNumber(schema) {
  const types = Array.isArray(schema.type) ? schema.type : [];
  if (!types.includes('integer') || !types.includes('string')) return undefined;
  return types.includes('null') ? tsUnion([NUMBER, NULL]) : NUMBER;
}

const types = header + astToString(await openapiTS(url, { alphabetize: true, transform: integerAsNumber }));

if (toStdout) process.stdout.write(types);
else writeFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../generated/api-schema.d.ts'), types);
