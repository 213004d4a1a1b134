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
  loginConnection,
  useEmulator,
} from "./helpers";

const emu = useEmulator();

const run = actionRunner(emu);
const errorFrom = errorRunner(emu);

describe("pipeline steps and pipelines", () => {
  it("lists the steps with their pipeline, first step first", async () => {
    const result = await run("listSteps");
    expect(emu.log).toHaveLength(1);
    expect(emu.log[0]).toMatchObject({ method: "GET", path: "/steps", query: {}, status: 200 });
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
    expect(emu.log[0]?.query).toEqual({ direction: "desc" });
    const positions = dataOf<Array<{ position: number }>>(result).map((s) => s.position);
    expect(positions).toEqual([...positions].sort((a, b) => b - a));
  });

  it("gets a step by id", async () => {
    const result = await run("getStep", { step: "1190" });
    expect(emu.log).toHaveLength(1);
    expect(emu.log[0]).toMatchObject({ method: "GET", path: "/steps/1190", status: 200 });
    expect(result?.data).toMatchObject({ id: 1190, name: "In-touch", pipeline: { id: 25 } });
  });

  it("gets a step by name, encoded as one path segment", async () => {
    const result = await run("getStep", { step: " Invoice sent " });
    expect(emu.log[0]).toMatchObject({ path: "/steps/Invoice%20sent", status: 200 });
    expect(result?.data).toMatchObject({ id: 1192, pipeline: { name: "Accounting funnel" } });
  });

  it("reports an unknown step as not found", async () => {
    const error = await errorFrom("getStep", { step: "Nowhere" });
    expect(error).toMatchObject({ name: "ApiError", status: 404 });
    expect(emu.requests("GET", "/steps/Nowhere")).toHaveLength(1);
  });

  it("refuses an empty step with no request", async () => {
    const error = await errorFrom("getStep", { step: "  " });
    expect(emu.log).toHaveLength(0);
    expect(error).toMatchObject({ name: "InputError", input: "Step" });
  });

  it("refuses a direction outside the dropdown with no request", async () => {
    const error = await errorFrom("listSteps", { direction: "sideways" });
    expect(emu.log).toHaveLength(0);
    expect(error).toMatchObject({ name: "InputError", input: "Direction" });
  });

  it("lists the pipelines", async () => {
    const result = await run("listPipelines");
    expect(emu.log).toHaveLength(1);
    expect(emu.log[0]).toMatchObject({ method: "GET", path: "/pipelines", query: {} });
    expect(result?.data).toEqual([...emu.store.pipelines.values()]);
  });
});

describe("tag categories and predefined tags", () => {
  it("lists categories without their tags by default", async () => {
    const result = await run("listCategories");
    expect(emu.log[0]).toMatchObject({
      method: "GET",
      path: "/categories",
      query: { include_tags: "false" },
    });
    const categories = dataOf<Array<Record<string, unknown>>>(result);
    expect(categories[0]).toMatchObject({ id: 12, name: "Origin" });
    expect(categories[0]).not.toHaveProperty("supertags");
  });

  it("lists categories with their tags when asked", async () => {
    const result = await run("listCategories", { includeTags: "true" });
    expect(emu.log[0]?.query).toEqual({ include_tags: "true" });
    const [origin] = dataOf<Array<{ supertags: Array<{ name: string }> }>>(result);
    expect(origin?.supertags.map((t) => t.name)).toEqual(["US", "Europe", "Asia"]);
  });

  it("creates a category, adds a tag to it, and lists it", async () => {
    const category = await run("createCategory", { name: "Channel" });
    expect(emu.log[0]).toMatchObject({ method: "POST", path: "/category" });
    expect(emu.log[0]?.body).toEqual({ name: "Channel" });
    const { id: categoryId } = dataOf<{ id: number }>(category);
    expect(emu.store.table<Category>("categories").get(categoryId)?.name).toBe("Channel");

    const tag = await run("createPredefinedTag", {
      name: "Partner",
      categoryId: String(categoryId),
    });
    const [post] = emu.requests("POST", "/predefined_tags");
    expect(post?.body).toEqual({ name: "Partner", category_id: categoryId });
    const { id: tagId } = dataOf<{ id: number }>(tag);
    expect(tag?.data).toMatchObject({ name: "Partner", category: "Channel", position: null });
    expect(emu.store.table<PredefinedTag>("predefinedTags").get(tagId)?.category_id).toBe(
      categoryId,
    );

    const list = await run("listPredefinedTags");
    expect(emu.requests("GET", "/predefined_tags")[0]?.query).toEqual({});
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
    expect(emu.log).toHaveLength(0);
  });

  it("refuses a tag without a valid category id, with no request", async () => {
    const error = await errorFrom("createPredefinedTag", { name: "Partner", categoryId: "Origin" });
    expect(emu.log).toHaveLength(0);
    expect(error).toMatchObject({ name: "InputError", input: "Category ID" });
  });
});

describe("fields", () => {
  afterEach(() => {
    emu.edition = "dreamteam";
  });

  it("lists every field by default", async () => {
    const result = await run("listFields");
    expect(emu.log[0]).toMatchObject({ method: "GET", path: "/fields", query: {} });
    const types = new Set(dataOf<Field[]>(result).map((f) => f.parent_type));
    expect(types).toEqual(new Set(["lead", "client"]));
  });

  it("lists the fields of client folders only", async () => {
    const result = await run("listFields", { parentType: "client" });
    expect(emu.log[0]?.query).toEqual({ type: "client" });
    expect(dataOf<Field[]>(result).map((f) => f.name)).toEqual(["Shipping Address"]);
  });

  it("creates a field with its type and duplicate detection", async () => {
    const result = await run("createField", {
      name: "Country",
      parentType: "lead",
      type: "country",
      isKey: "true",
    });
    expect(emu.log[0]).toMatchObject({ method: "POST", path: "/fields" });
    expect(emu.log[0]?.body).toEqual({
      name: "Country",
      parent_type: "lead",
      type: "country",
      is_key: true,
    });
    const field = dataOf<Field>(result);
    expect(field).toMatchObject({ name: "Country", type: "country", is_key: true, position: 4 });
    expect(emu.store.table<Field>("fields").get(field.id)).toEqual(field);
  });

  it("sends only the name and parent type when nothing else is chosen", async () => {
    await run("createField", { name: "Billing address", parentType: "client" });
    expect(emu.log[0]?.body).toEqual({
      name: "Billing address",
      parent_type: "client",
      is_key: false,
    });
  });

  it("refuses a 33-character name with no request", async () => {
    const error = await errorFrom("createField", { name: "x".repeat(33), parentType: "lead" });
    expect(emu.log).toHaveLength(0);
    expect(error).toMatchObject({ name: "InputError", input: "Name" });
    expect(error.message).toContain("at most 32");
  });

  it("accepts a 32-character name", async () => {
    await run("createField", { name: "y".repeat(32), parentType: "lead" });
    expect(emu.requests("POST", "/fields")[0]?.status).toBe(200);
  });

  it("refuses an unknown field type with no request", async () => {
    const error = await errorFrom("createField", {
      name: "Score",
      parentType: "lead",
      type: "custom6",
    });
    expect(emu.log).toHaveLength(0);
    expect(error).toMatchObject({ name: "InputError", input: "Type" });
    expect(error.message).toContain("custom5");
  });

  it("refuses an unknown parent type with no request", async () => {
    const error = await errorFrom("createField", { name: "Score", parentType: "deal" });
    expect(emu.log).toHaveLength(0);
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
  });

  it("refuses creating a field with Act as User before any request, naming the fix", async () => {
    const error = await actionError("createField", {
      connection: apiKeyConnection(emu, { apiKey: emu.newApiKey(), actAsUser: "514" }),
      name: "Score",
      parentType: "lead",
    });
    expect(error).toMatchObject({ name: "InputError", input: "Connection" });
    expect(error.message).toContain("clear Act as User");
    expect(emu.log).toHaveLength(0);
  });
});

describe("activities", () => {
  it("lists the activity types with their sub-activities", async () => {
    const result = await run("listActivities");
    expect(emu.log).toHaveLength(1);
    expect(emu.log[0]).toMatchObject({ method: "GET", path: "/activities", query: {} });
    const activities = dataOf<Array<{ id: number; parent_id: number | null }>>(result);
    expect(activities.map((a) => a.id)).toEqual([271, 272, 273, 274, 275]);
    expect(activities.find((a) => a.id === 272)).toMatchObject({ parent_id: 271, color: "green" });
  });
});
