/**
 * Tag categories and predefined tags ("supertags"), seeded from the API document's examples.
 * Creating either is API-key only (the document gives no USER token form).
 */
import { badValue, bodyOf, missingParam } from "../http";
import type { Emulator } from "../server";
import { requireApiKey } from "./access";

export interface Category {
  id: number;
  name: string;
  is_required: boolean;
  position: number | null;
  created_at: string;
  updated_at: string;
}

export interface PredefinedTag {
  id: number;
  name: string;
  category_id: number;
  created_at: string | null;
  position: number | null;
}

export const CATEGORIES_TABLE = "categories";
export const PREDEFINED_TAGS_TABLE = "predefinedTags";

function requiredName(body: Record<string, unknown>): string {
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (!name) throw missingParam("name");
  return name;
}

export function register(emu: Emulator): void {
  const { router, store } = emu;
  const categories = store.table<Category>(CATEGORIES_TABLE);
  const tags = store.table<PredefinedTag>(PREDEFINED_TAGS_TABLE);

  const seedTime = "2015-09-06T22:45:06.000Z";
  for (const [id, name] of [
    [12, "Origin"],
    [13, "Product"],
  ] as const) {
    categories.set(id, {
      id,
      name,
      is_required: false,
      position: null,
      created_at: seedTime,
      updated_at: seedTime,
    });
  }
  for (const [id, name, category_id, created_at] of [
    [54, "US", 12, "2015-09-06T22:46:06.000Z"],
    [58, "Europe", 12, null],
    [59, "Asia", 12, null],
    [60, "Phone", 13, "2015-09-06T22:46:06.000Z"],
    [61, "Tablet", 13, null],
    [62, "Computer", 13, null],
  ] as const) {
    tags.set(id, { id, name, category_id, created_at, position: null });
  }

  const tagJson = (tag: PredefinedTag) => ({
    id: tag.id,
    name: tag.name,
    category: categories.get(tag.category_id)?.name ?? null,
    created_at: tag.created_at,
    position: tag.position,
  });
  const categoryJson = ({ position: _position, ...category }: Category) => category;

  router.on("GET", "/categories", (ctx) => {
    const include = ctx.query.include_tags === "true";
    return {
      body: [...categories.values()].map((category) =>
        include
          ? {
              ...categoryJson(category),
              supertags: [...tags.values()]
                .filter((t) => t.category_id === category.id)
                .map(tagJson),
            }
          : categoryJson(category),
      ),
    };
  });

  router.on("POST", "/category", (ctx) => {
    requireApiKey(ctx);
    const time = store.now();
    const category: Category = {
      id: store.nextId(),
      name: requiredName(bodyOf(ctx)),
      is_required: false,
      position: null,
      created_at: time,
      updated_at: time,
    };
    categories.set(category.id, category);
    return { body: category };
  });

  router.on("GET", "/predefined_tags", () => ({ body: [...tags.values()].map(tagJson) }));

  router.on("POST", "/predefined_tags", (ctx) => {
    requireApiKey(ctx);
    const body = bodyOf(ctx);
    const name = requiredName(body);
    if (body.category_id === undefined || body.category_id === null)
      throw missingParam("category_id");
    const category = categories.get(Number(body.category_id));
    if (!category) throw badValue("category_id");
    const tag: PredefinedTag = {
      id: store.nextId(),
      name,
      category_id: category.id,
      created_at: store.now(),
      position: null,
    };
    tags.set(tag.id, tag);
    return { body: tagJson(tag) };
  });
}
