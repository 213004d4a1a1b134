/** Tag categories and the predefined tags ("supertags") in them. */

/** List Predefined Tags: each tag names its category. */
export const predefinedTagList = [
  {
    id: 54,
    name: "US",
    category: "Origin",
    created_at: "2015-09-06T22:46:06.000Z",
    position: null,
  },
  { id: 58, name: "Europe", category: "Origin", created_at: null, position: null },
  { id: 59, name: "Asia", category: "Origin", created_at: null, position: null },
  {
    id: 60,
    name: "Phone",
    category: "Product",
    created_at: "2015-09-06T22:46:06.000Z",
    position: null,
  },
  { id: 61, name: "Tablet", category: "Product", created_at: null, position: null },
  { id: 62, name: "Computer", category: "Product", created_at: null, position: null },
];

const tagsOf = (category: string) => predefinedTagList.filter((tag) => tag.category === category);

/** List Tag Categories, with Include Tags on (`supertags`). */
export const categoryList = [
  {
    id: 12,
    name: "Origin",
    is_required: false,
    updated_at: "2015-09-06T22:45:06.000Z",
    created_at: "2015-09-06T22:45:06.000Z",
    supertags: tagsOf("Origin"),
  },
  {
    id: 13,
    name: "Product",
    is_required: false,
    updated_at: "2015-09-06T22:45:06.000Z",
    created_at: "2015-09-06T22:45:06.000Z",
    supertags: tagsOf("Product"),
  },
];

/** Create Tag Category. */
export const createdCategory = {
  id: 3,
  name: "My category",
  is_required: false,
  updated_at: "2020-06-18T11:59:27.000Z",
  created_at: "2020-06-18T11:59:27.000Z",
  position: null,
};

/** Create Predefined Tag. */
export const createdPredefinedTag = {
  id: 4,
  name: "My tag",
  category: "My category",
  created_at: "2020-06-18T12:55:55.000Z",
  position: null,
};
