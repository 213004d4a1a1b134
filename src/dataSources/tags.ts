/** Tag categories and predefined tags: by id, and by name for inputs that take tag names. */
import { categoryList, predefinedTagList } from "../examples/tags";
import { picklist } from "./picklist";

interface Category {
  id: number;
  name: string;
}

interface PredefinedTag {
  id: number;
  name: string;
  /** The category's name. */
  category: string | null;
}

const tagLabel = (tag: PredefinedTag): string =>
  tag.category ? `${tag.category} › ${tag.name}` : tag.name;

const selectCategory = picklist({
  key: "selectCategory",
  label: "Select Category",
  description: "Pick a category of predefined tags, by name.",
  path: "/categories",
  itemLabel: (category: Category) => category.name,
  example: categoryList,
});

const selectPredefinedTag = picklist({
  key: "selectPredefinedTag",
  label: "Select Predefined Tag",
  description: "Pick a predefined tag, labelled “Category › Tag”.",
  path: "/predefined_tags",
  itemLabel: tagLabel,
  example: predefinedTagList,
});

const selectPredefinedTagName = picklist({
  key: "selectPredefinedTagName",
  label: "Select Predefined Tag Name",
  description:
    "Pick a predefined tag by its name (for inputs that take tag names), labelled “Category › Tag”.",
  path: "/predefined_tags",
  itemKey: (tag) => tag.name,
  itemLabel: tagLabel,
  example: predefinedTagList,
});

export default [selectCategory, selectPredefinedTag, selectPredefinedTagName];
