/** Tag categories and the predefined tags (called "supertags" in the API) inside them. */
import { endpoint, inBody, inQuery, resource } from "../endpoint";
import {
  categoryList,
  createdCategory,
  createdPredefinedTag,
  predefinedTagList,
} from "../examples/tags";
import { booleanInput, idInput, textInput } from "../inputs";

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
  example: categoryList,
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
  example: createdCategory,
});

const listPredefinedTags = endpoint({
  key: "listPredefinedTags",
  label: "List Predefined Tags",
  description: "List the account's predefined tags, each with the name of its category.",
  method: "GET",
  path: "/predefined_tags",
  example: predefinedTagList,
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
  example: createdPredefinedTag,
});

export default [
  ...resource("Categories", [listCategories, createCategory]),
  ...resource("Predefined tags", [listPredefinedTags, createPredefinedTag]),
];
