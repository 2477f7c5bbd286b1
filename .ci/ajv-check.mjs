// Validate shipped layers' JSON form, and the commands' --format json outputs, against the published
// JSON Schemas with Ajv 2020 in strict mode, the way docs/format.md tells a Node user to.
// Usage: node .ci/ajv-check.mjs SCHEMAS_DIR [--outputs DIR] PACKAGE_DIR...   (ajv installed where Node finds it)
// Every schema is compiled (strict mode refuses a schema it would take loosely); each DIR/<name>.<case>.json
// is validated against <name>.schema.json.
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(join(process.cwd(), "noop.js"));
const Ajv2020 = require("ajv/dist/2020").default;
const [schemas, ...rest] = process.argv.slice(2);
const outputs = rest[0] === "--outputs" ? rest[1] : null;
const packages = outputs ? rest.slice(2) : rest;
const read = (path) => JSON.parse(readFileSync(path, "utf8"));

// The recipe: declare villagecat's annotation keywords, add the schemas, look one up by its $id.
const ajv = new Ajv2020({ strict: true, allErrors: true }).addVocabulary(read(join(schemas, "vocabulary.json")).keywords);
const files = readdirSync(schemas).filter((f) => f.endsWith(".schema.json"));
for (const file of files) ajv.addSchema(read(join(schemas, file)));
for (const file of files) ajv.getSchema(read(join(schemas, file)).$id); // compiles: throws on what strict mode refuses

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
let documents = 0;
for (const file of outputs ? readdirSync(outputs).filter((f) => f.endsWith(".json")) : []) {
  documents += 1;
  const name = file.split(".")[0];
  check(ajv.getSchema(read(join(schemas, `${name}.schema.json`)).$id), read(join(outputs, file)), file);
}
console.log(`ajv 2020 (strict): ${files.length} schemas compiled; ${rows} rows of ${packages.length} packages, ${documents} outputs, ${failures} failing`);
process.exit(failures ? 1 : 0);
