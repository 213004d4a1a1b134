/** Tag categories and the predefined tags (called "supertags" in the API) inside them. */
import { endpoint, inBody, inQuery, resource } from "../endpoint";
import { booleanInput, idInput, textInput } from "../inputs";

const tag = (id: number, name: string, category: string, created_at: string | null) => ({
  id,
  name,
  category,
  created_at,
  position: null,
});

const originTags = [
  tag(54, "US", "Origin", "2015-09-06T22:46:06.000Z"),
  tag(58, "Europe", "Origin", null),
  tag(59, "Asia", "Origin", null),
];
const productTags = [
  tag(60, "Phone", "Product", "2015-09-06T22:46:06.000Z"),
  tag(61, "Tablet", "Product", null),
  tag(62, "Computer", "Product", null),
];

const listCategories = endpoint({
  key: "listCategories",
  label: "List Tag Categories",
  description:
    "List the categories that group the account's predefined tags, optionally with the tags of each.",
  method: "GET",
  path: "/categories",
  params: {
    includeTags: inQuery(
      booleanInput({
        label: "Include Tags",
        default: "false",
        comments: "Turn on to return each category's predefined tags (as `supertags`).",
      }),
    ),
  },
  example: [
    {
      id: 12,
      name: "Origin",
      is_required: false,
      updated_at: "2015-09-06T22:45:06.000Z",
      created_at: "2015-09-06T22:45:06.000Z",
      supertags: originTags,
    },
    {
      id: 13,
      name: "Product",
      is_required: false,
      updated_at: "2015-09-06T22:45:06.000Z",
      created_at: "2015-09-06T22:45:06.000Z",
      supertags: productTags,
    },
  ],
});

const createCategory = endpoint({
  key: "createCategory",
  label: "Create Tag Category",
  description: "Create a category to group predefined tags. Needs an API Key connection.",
  access: "apiKey",
  method: "POST",
  path: "/category",
  params: {
    name: inBody(
      textInput({
        label: "Name",
        required: true,
        example: "My category",
        comments: "The category's name, e.g. Origin or Product.",
      }),
    ),
  },
  example: {
    id: 3,
    name: "My category",
    is_required: false,
    updated_at: "2020-06-18T11:59:27.000Z",
    created_at: "2020-06-18T11:59:27.000Z",
    position: null,
  },
});

const listPredefinedTags = endpoint({
  key: "listPredefinedTags",
  label: "List Predefined Tags",
  description: "List the account's predefined tags, each with the name of its category.",
  method: "GET",
  path: "/predefined_tags",
  example: [...originTags, ...productTags],
});

const createPredefinedTag = endpoint({
  key: "createPredefinedTag",
  label: "Create Predefined Tag",
  description: "Add a predefined tag to a category. Needs an API Key connection.",
  access: "apiKey",
  method: "POST",
  path: "/predefined_tags",
  params: {
    name: inBody(
      textInput({
        label: "Name",
        required: true,
        example: "My tag",
        comments: "The tag's name, as users will pick it on leads.",
      }),
    ),
    categoryId: inBody(
      idInput({
        label: "Category ID",
        required: true,
        dataSource: "selectCategory",
        example: "12",
        comments: "The category the tag goes in: pick it from the list, or map its id.",
      }),
    ),
  },
  example: {
    id: 4,
    name: "My tag",
    category: "My category",
    created_at: "2020-06-18T12:55:55.000Z",
    position: null,
  },
});

export default [
  ...resource("Categories", [listCategories, createCategory]),
  ...resource("Predefined tags", [listPredefinedTags, createPredefinedTag]),
];
