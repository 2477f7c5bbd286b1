// Validate shipped layers' JSON form against the published JSON Schemas with Ajv 2020 in
// strict mode, the way docs/format.md tells a Node user to.
// Usage: node .ci/ajv-check.mjs SCHEMAS_DIR PACKAGE_DIR...   (ajv installed where Node finds it)
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(join(process.cwd(), "noop.js"));
const Ajv2020 = require("ajv/dist/2020").default;
const [schemas, ...packages] = process.argv.slice(2);
const read = (path) => JSON.parse(readFileSync(path, "utf8"));

// The recipe: declare villagecat's annotation keywords, add the schemas, look one up by its $id.
const ajv = new Ajv2020({ strict: true, allErrors: true }).addVocabulary(read(join(schemas, "vocabulary.json")).keywords);
for (const file of readdirSync(schemas).filter((f) => f.endsWith(".schema.json"))) ajv.addSchema(read(join(schemas, file)));

let failures = 0;
let rows = 0;
const check = (validate, value, where) => {
  if (!validate(value)) {
    failures += 1;
    console.error(where, ajv.errorsText(validate.errors));
  }
};
for (const folder of packages) {
  const descriptor = read(join(folder, "datapackage.json"));
  check(ajv.getSchema(`urn:villagecat:schema:${descriptor.villagecat.format}:layer`), descriptor.layer, `${folder} layer`);
  for (const resource of descriptor.resources) {
    const validate = ajv.getSchema(resource.villagecat.rowSchema);
    const [header, ...values] = read(join(folder, resource.path));
    for (const [n, row] of values.entries()) {
      rows += 1;
      const object = Object.fromEntries(header.map((name, i) => [name, row[i]]).filter(([, v]) => v !== null));
      check(validate, object, `${folder}/${resource.path} row ${n + 2}`);
    }
  }
}
console.log(`ajv 2020 (strict): ${rows} rows of ${packages.length} packages, ${failures} failing`);
process.exit(failures ? 1 : 0);
