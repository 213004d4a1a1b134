/**
 * Account setup through the harness: pipeline steps, pipelines, tag categories and predefined
 * tags, fields and activities.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Field } from "./emulator/resources/fields";
import type { Category, PredefinedTag } from "./emulator/resources/tags";
import {
  actionError,
  actionRunner,
  apiKeyConnection,
  dataOf,
  errorRunner,
  expectSent,
  loginConnection,
  useEmulator,
} from "./helpers";

const emu = useEmulator();

const run = actionRunner(emu);
const errorFrom = errorRunner(emu);

describe("pipeline steps and pipelines", () => {
  it("lists the steps with their pipeline, first step first", async () => {
    const result = await run("listSteps");
    expectSent(emu, [{ method: "GET", path: "/steps", query: {}, status: 200 }]);
    const steps = dataOf<Array<{ id: number; position: number }>>(result);
    expect(steps).toHaveLength(emu.store.steps.size);
    expect(steps[0]).toEqual({
      id: 1189,
      name: "Incoming",
      position: 1,
      created_at: "2015-04-22T22:03:20.000Z",
      updated_at: "2015-04-22T22:03:20.000Z",
      pipeline_id: 25,
      pipeline: emu.store.pipelines.get(25),
    });
  });

  it("sends the chosen direction", async () => {
    const result = await run("listSteps", { direction: "desc" });
    expectSent(emu, [{ method: "GET", path: "/steps", query: { direction: "desc" } }]);
    const positions = dataOf<Array<{ position: number }>>(result).map((s) => s.position);
    expect(positions).toEqual([...positions].sort((a, b) => b - a));
  });

  it("gets a step by id", async () => {
    const result = await run("getStep", { step: "1190" });
    expectSent(emu, [{ method: "GET", path: "/steps/1190", query: {}, status: 200 }]);
    expect(result?.data).toMatchObject({ id: 1190, name: "In-touch", pipeline: { id: 25 } });
  });

  it("gets a step by name, encoded as one path segment", async () => {
    const result = await run("getStep", { step: " Invoice sent " });
    expectSent(emu, [{ method: "GET", path: "/steps/Invoice%20sent", status: 200 }]);
    expect(result?.data).toMatchObject({ id: 1192, pipeline: { name: "Accounting funnel" } });
  });

  it("reports an unknown step as not found", async () => {
    const error = await errorFrom("getStep", { step: "Nowhere" });
    expect(error).toMatchObject({ name: "ApiError", status: 404 });
    expectSent(emu, [{ method: "GET", path: "/steps/Nowhere", status: 404 }]);
  });

  it("refuses an empty step with no request", async () => {
    const error = await errorFrom("getStep", { step: "  " });
    expectSent(emu, []);
    expect(error).toMatchObject({ name: "InputError", input: "Step" });
  });

  it("refuses a direction outside the dropdown with no request", async () => {
    const error = await errorFrom("listSteps", { direction: "sideways" });
    expectSent(emu, []);
    expect(error).toMatchObject({ name: "InputError", input: "Direction" });
  });

  it("lists the pipelines", async () => {
    const result = await run("listPipelines");
    expectSent(emu, [{ method: "GET", path: "/pipelines", query: {} }]);
    expect(result?.data).toEqual([...emu.store.pipelines.values()]);
  });
});

describe("tag categories and predefined tags", () => {
  it("lists categories without their tags by default", async () => {
    const result = await run("listCategories");
    expectSent(emu, [{ method: "GET", path: "/categories", query: { include_tags: "false" } }]);
    const categories = dataOf<Array<Record<string, unknown>>>(result);
    expect(categories[0]).toMatchObject({ id: 12, name: "Origin" });
    expect(categories[0]).not.toHaveProperty("supertags");
  });

  it("lists categories with their tags when asked", async () => {
    const result = await run("listCategories", { includeTags: "true" });
    expectSent(emu, [{ method: "GET", path: "/categories", query: { include_tags: "true" } }]);
    const [origin] = dataOf<Array<{ supertags: Array<{ name: string }> }>>(result);
    expect(origin?.supertags.map((t) => t.name)).toEqual(["US", "Europe", "Asia"]);
  });

  it("creates a category, adds a tag to it, and lists it", async () => {
    const category = await run("createCategory", { name: "Channel" });
    expectSent(emu, [{ method: "POST", path: "/category", body: { name: "Channel" } }]);
    const { id: categoryId } = dataOf<{ id: number }>(category);
    expect(emu.store.table<Category>("categories").get(categoryId)?.name).toBe("Channel");

    emu.clearLog();
    const tag = await run("createPredefinedTag", {
      name: "Partner",
      categoryId: String(categoryId),
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/predefined_tags",
        body: { name: "Partner", category_id: categoryId },
      },
    ]);
    const { id: tagId } = dataOf<{ id: number }>(tag);
    expect(tag?.data).toMatchObject({ name: "Partner", category: "Channel", position: null });
    expect(emu.store.table<PredefinedTag>("predefinedTags").get(tagId)?.category_id).toBe(
      categoryId,
    );

    emu.clearLog();
    const list = await run("listPredefinedTags");
    expectSent(emu, [{ method: "GET", path: "/predefined_tags", query: {} }]);
    expect(dataOf<unknown[]>(list)).toContainEqual({
      id: tagId,
      name: "Partner",
      category: "Channel",
      created_at: expect.any(String),
      position: null,
    });
  });

  it("refuses creating a category with a user login before any request, naming the fix", async () => {
    const error = await actionError("createCategory", {
      connection: loginConnection(emu),
      name: "Channel",
    });
    expect(error).toMatchObject({ name: "InputError", input: "Connection" });
    expect(error.message).toContain("choose an API Key connection");
    expectSent(emu, []);
  });

  it("refuses a tag without a valid category id, with no request", async () => {
    const error = await errorFrom("createPredefinedTag", { name: "Partner", categoryId: "Origin" });
    expectSent(emu, []);
    expect(error).toMatchObject({ name: "InputError", input: "Category ID" });
  });
});

describe("fields", () => {
  afterEach(() => {
    emu.edition = "dreamteam";
  });

  it("lists every field by default", async () => {
    const result = await run("listFields");
    expectSent(emu, [{ method: "GET", path: "/fields", query: {} }]);
    const types = new Set(dataOf<Field[]>(result).map((f) => f.parent_type));
    expect(types).toEqual(new Set(["lead", "client"]));
  });

  it("lists the fields of client folders only", async () => {
    const result = await run("listFields", { parentType: "client" });
    expectSent(emu, [{ method: "GET", path: "/fields", query: { type: "client" } }]);
    expect(dataOf<Field[]>(result).map((f) => f.name)).toEqual(["Shipping Address"]);
  });

  it("creates a field with its type and duplicate detection", async () => {
    const result = await run("createField", {
      name: "Country",
      parentType: "lead",
      type: "country",
      isKey: "true",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/fields",
        body: { name: "Country", parent_type: "lead", type: "country", is_key: true },
      },
    ]);
    const field = dataOf<Field>(result);
    expect(field).toMatchObject({ name: "Country", type: "country", is_key: true, position: 4 });
    expect(emu.store.table<Field>("fields").get(field.id)).toEqual(field);
  });

  it("sends only the name and parent type when nothing else is chosen", async () => {
    await run("createField", { name: "Billing address", parentType: "client" });
    expectSent(emu, [
      {
        method: "POST",
        path: "/fields",
        body: { name: "Billing address", parent_type: "client", is_key: false },
      },
    ]);
  });

  it("refuses a 33-character name with no request", async () => {
    const error = await errorFrom("createField", { name: "x".repeat(33), parentType: "lead" });
    expectSent(emu, []);
    expect(error).toMatchObject({ name: "InputError", input: "Name" });
    expect(error.message).toContain("at most 32");
  });

  it("accepts a 32-character name", async () => {
    await run("createField", { name: "y".repeat(32), parentType: "lead" });
    expectSent(emu, [
      {
        method: "POST",
        path: "/fields",
        body: { name: "y".repeat(32), parent_type: "lead", is_key: false },
        status: 200,
      },
    ]);
  });

  it("refuses an unknown field type with no request", async () => {
    const error = await errorFrom("createField", {
      name: "Score",
      parentType: "lead",
      type: "custom6",
    });
    expectSent(emu, []);
    expect(error).toMatchObject({ name: "InputError", input: "Type" });
    expect(error.message).toContain("custom5");
  });

  it("refuses an unknown parent type with no request", async () => {
    const error = await errorFrom("createField", { name: "Score", parentType: "deal" });
    expectSent(emu, []);
    expect(error).toMatchObject({ name: "InputError", input: "Field Of" });
  });

  it("explains a custom type refused on the starter edition", async () => {
    emu.edition = "starter";
    const error = await errorFrom("createField", {
      name: "Score",
      parentType: "lead",
      type: "custom1",
    });
    expect(error).toMatchObject({ name: "ApiError", status: 403 });
    expect(error.message).toContain("edition");
    expectSent(emu, [{ method: "POST", path: "/fields", status: 403 }]);
  });

  it("refuses creating a field with Act as User before any request, naming the fix", async () => {
    const error = await actionError("createField", {
      connection: apiKeyConnection(emu, { apiKey: emu.newApiKey(), actAsUser: "514" }),
      name: "Score",
      parentType: "lead",
    });
    expect(error).toMatchObject({ name: "InputError", input: "Connection" });
    expect(error.message).toContain("clear Act as User");
    expectSent(emu, []);
  });
});

describe("activities", () => {
  it("lists the activity types with their sub-activities", async () => {
    const result = await run("listActivities");
    expectSent(emu, [{ method: "GET", path: "/activities", query: {} }]);
    const activities = dataOf<Array<{ id: number; parent_id: number | null }>>(result);
    expect(activities.map((a) => a.id)).toEqual([271, 272, 273, 274, 275]);
    expect(activities.find((a) => a.id === 272)).toMatchObject({ parent_id: 271, color: "green" });
  });
});
