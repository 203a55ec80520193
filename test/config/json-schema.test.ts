import { readFile } from "node:fs/promises";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { SCHEMA_FILE, schemaText } from "../../src/config/json-schema.js";
import { readSource } from "../../src/source.js";
import { fixtureSource } from "../helpers/fixtures.js";
import { examplePath } from "../helpers/paths.js";

/** Issue 13, item 5: the JSON Schema editors check the front matter with. */
describe("the front matter's JSON Schema", async () => {
  const shipped = await readFile(SCHEMA_FILE, "utf8");
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(shipped));
  const errorsOf = (data: unknown) =>
    validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  const frontMatter = (text: string) => readSource(`---\n${text}\n---\n# T\n`, "/t/talk.md").data;

  it("is the one the zod schema generates (`npm run schema` rewrites it)", () => {
    expect(shipped).toBe(schemaText());
  });

  it("accepts the example's front matter and other tools' keys beside talkdeck's", async () => {
    const example = fixtureSource(examplePath);
    expect(errorsOf(example.data)).toEqual([]);
    expect(
      errorsOf(
        frontMatter(
          "layout: post\nguest: Jane Roe\ncover: { image: c.jpg }\nevent: DevDay\ncards: { sizes: [square, 1200x630], carousel: portrait }",
        ),
      ),
    ).toEqual([]);
  });

  it("rejects a misspelt key under deck or cards, and values of the wrong kind", () => {
    expect(errorsOf(frontMatter("cards:\n  sizse: [square]"))).toContain(
      "/cards must NOT have additional properties",
    );
    expect(errorsOf(frontMatter("deck:\n  speakernotes: true")).length).toBeGreaterThan(0);
    expect(errorsOf(frontMatter("cards:\n  sizes: [huge]")).length).toBeGreaterThan(0);
    expect(errorsOf(frontMatter("brand: red")).length).toBeGreaterThan(0);
    expect(errorsOf(frontMatter("cards:\n  carousel: round")).length).toBeGreaterThan(0);
  });

  it("tells editors what each talkdeck key does", () => {
    const schema = JSON.parse(shipped) as {
      properties: Record<
        string,
        { description?: string; properties?: Record<string, { description?: string }> }
      >;
    };
    expect(schema.properties.theme?.description).toMatch(/midnight/);
    expect(schema.properties.cards?.properties?.sizes?.description).toMatch(/portrait/);
  });
});
