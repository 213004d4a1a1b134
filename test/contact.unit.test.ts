/** Contact fields on lead outputs, read from what the lead carries. */
import { describe, expect, it } from "vitest";
import {
  CONTACT_KEYS,
  type Contact,
  contactFieldMatches,
  contactFieldValue,
  contactKeyForFieldName,
  leadContact,
  leadContactFields,
  sameContactValue,
  withContact,
} from "../src/leads/contact";

const NATALIA_TEXT =
  "Firstname: Natalia\nLastname: Bawer\nFull name: Natalia Bawer\nEmail: natalia.bawer@loretta-inc.com\nPhone: 801 274 6798\nMobile: 832 764 1930 \nAddress: 1234 N 7864 W President Bld - Salt Lake City, UT 84105\nWeb: http://more-info-loretta.com\nDepartment: Sales\n--- Entrez une description ci-dessous ---\n \n--- \nMet Natalia at a seminar. She could be interested.\nShe is on business trip. Have to call her when she is back.";

/** GET /leads/{id} in the API document (trimmed to what matters here). */
const getLead = {
  id: 8113,
  title: "Loretta Inc.",
  status: "Standby",
  description: NATALIA_TEXT,
  tags: ["small", "US"],
  extended_info: {
    first_contact_email: "natalia.bawer@loretta-inc.com",
    fields: {
      email: "natalia.bawer@loretta-inc.com",
      phone: "801 274 6798",
      mobile: "832 764 1930 ",
      address: "1234 N 7864 W President Bld - Salt Lake City, UT 84105",
      web: "http://more-info-loretta.com",
      first_name: "Natalia",
      last_name: "Bawer",
      full_name: "Natalia Bawer",
      job: "Sales",
      fax: null,
      vat: null,
    },
    fields_by_name: {
      Firstname: "Natalia",
      Lastname: "Bawer",
      "Full name": "Natalia Bawer",
      Email: "natalia.bawer@loretta-inc.com",
      Phone: "801 274 6798",
      Mobile: "832 764 1930 ",
      Address: "1234 N 7864 W President Bld - Salt Lake City, UT 84105",
      Web: "http://more-info-loretta.com",
      Department: "Sales",
    },
  },
};

/** A list item of GET /leads: no extended_info, the description only as text and HTML. */
const listItem = {
  id: 8112,
  title: "Acme Corp",
  text_description:
    "Firstname: John\nLastname: Doe\nEmail: john.doe@acme.corp.com\nPhone: 201 418 1625\n---\nJohn is very interested by our service. He wants a quote asap.\n",
  html_description:
    "Firstname: John<br />Lastname: Doe<br />Email: john.doe@acme.corp.com<br />Phone: 201 418 1625<br />\r\n---\r\n<p>John is very interested by our service. He wants a quote asap.<br /><br /></p>",
};

const empty: Contact = Object.fromEntries(CONTACT_KEYS.map((k) => [k, null])) as unknown as Contact;

describe("withContact", () => {
  it("adds contactFields from fields_by_name and contact from the typed fields, input untouched", () => {
    const before = structuredClone(getLead);
    const out = withContact(getLead);
    expect(getLead).toEqual(before);
    expect(out).not.toBe(getLead);
    const { contactFields, contact, ...rest } = out;
    expect(rest).toEqual(before);
    expect(contactFields).toEqual({
      Firstname: "Natalia",
      Lastname: "Bawer",
      "Full name": "Natalia Bawer",
      Email: "natalia.bawer@loretta-inc.com",
      Phone: "801 274 6798",
      Mobile: "832 764 1930",
      Address: "1234 N 7864 W President Bld - Salt Lake City, UT 84105",
      Web: "http://more-info-loretta.com",
      Department: "Sales",
    });
    expect(contact).toEqual({
      ...empty,
      firstName: "Natalia",
      lastName: "Bawer",
      fullName: "Natalia Bawer",
      email: "natalia.bawer@loretta-inc.com",
      phone: "801 274 6798",
      mobile: "832 764 1930",
      job: "Sales",
      address: "1234 N 7864 W President Bld - Salt Lake City, UT 84105",
      web: "http://more-info-loretta.com",
    });
  });

  it("parses a list item's text_description (0 extra requests) and recognises field names", () => {
    const out = withContact(listItem);
    expect(out.contactFields).toEqual({
      Firstname: "John",
      Lastname: "Doe",
      Email: "john.doe@acme.corp.com",
      Phone: "201 418 1625",
    });
    expect(out.contact).toEqual({
      ...empty,
      firstName: "John",
      lastName: "Doe",
      fullName: "John Doe",
      email: "john.doe@acme.corp.com",
      phone: "201 418 1625",
    });
  });

  it("parses an HTML description when there is no text_description", () => {
    const lead = {
      id: 1,
      description:
        "Pr&eacute;nom: Zo&euml;<br />Nom : Martin<br />E-mail: zoe@x.fr<br />Tél.: 01 02<br />Portable: 06 07<br />\r\n---\r\n<p>Email: other@x.fr</p>",
      text_description: "  ",
    };
    const out = withContact(lead);
    expect(out.contactFields).toEqual({
      Prénom: "Zoë",
      Nom: "Martin",
      "E-mail": "zoe@x.fr",
      "Tél.": "01 02",
      Portable: "06 07",
    });
    expect(out.contact).toMatchObject({
      firstName: "Zoë",
      lastName: "Martin",
      fullName: "Zoë Martin",
      email: "zoe@x.fr",
      phone: "01 02",
      mobile: "06 07",
    });
  });

  it("reads a webhook delivery's top-level fields and extended_info.fields_by_name", () => {
    const data = {
      id: 9,
      status: "Won",
      text_description: "First Name: Ann\nEmail: ann@x.io",
      fields: { email: "ann@x.io", first_name: "Ann", last_name: null, city: "Lyon" },
      extended_info: { fields_by_name: { "First Name": "Ann", Email: "ann@x.io", Ville: "Lyon" } },
    };
    const out = withContact(data);
    expect(out.contactFields).toEqual({ "First Name": "Ann", Email: "ann@x.io", Ville: "Lyon" });
    expect(out.contact).toEqual({
      ...empty,
      firstName: "Ann",
      fullName: "Ann",
      email: "ann@x.io",
      city: "Lyon",
    });
  });

  it("prefers the typed fields, and fills their gaps from recognised names", () => {
    const lead = {
      description: "Email: typed-not@x.io\nCell: 06\nWebsite: x.io\nZip code: 75001",
      extended_info: { fields: { email: "typed@x.io", mobile: null, phone: "" } },
    };
    expect(withContact(lead).contact).toEqual({
      ...empty,
      email: "typed@x.io",
      mobile: "06",
      web: "x.io",
      zipcode: "75001",
    });
  });

  it("falls back to the description when fields_by_name is empty, and drops empty values", () => {
    const lead = {
      description: "Email: a@x.io\nPhone:\nFax :  ",
      extended_info: { fields_by_name: {} },
    };
    expect(withContact(lead).contactFields).toEqual({ Email: "a@x.io" });
    const withNulls = {
      description: "Email: ignored@x.io",
      extended_info: { fields_by_name: { Email: "a@x.io", Phone: null, Fax: "", Count: 3 } },
    };
    expect(withContact(withNulls).contactFields).toEqual({ Email: "a@x.io", Count: "3" });
  });

  it("always has every contact key, null when unknown", () => {
    for (const lead of [{}, { description: "just notes" }, { description: null }]) {
      const out = withContact(lead);
      expect(out.contactFields).toEqual({});
      expect(out.contact).toEqual(empty);
      expect(Object.keys(out.contact)).toEqual([...CONTACT_KEYS]);
    }
  });

  it("is harmless applied twice and returns non-objects unchanged", () => {
    const once = withContact(listItem);
    expect(withContact(once)).toEqual(once);
    const list = [listItem];
    expect(withContact(list)).toBe(list);
  });
});

describe("leadContactFields / leadContact", () => {
  it("give the same as withContact without building the whole output", () => {
    expect(leadContactFields(getLead)).toEqual(withContact(getLead).contactFields);
    expect(leadContact(getLead)).toEqual(withContact(getLead).contact);
    expect(leadContactFields(null)).toEqual({});
    expect(leadContact("x")).toEqual(empty);
  });
});

describe("contactKeyForFieldName", () => {
  it("recognises common spellings, ignoring case, spaces, dots, dashes and accents", () => {
    const cases: Record<string, keyof Contact> = {
      Firstname: "firstName",
      "First name": "firstName",
      "First Name": "firstName",
      first_name: "firstName",
      Prénom: "firstName",
      Lastname: "lastName",
      "Last name": "lastName",
      Surname: "lastName",
      "Full name": "fullName",
      Email: "email",
      "E-mail": "email",
      "E-Mail": "email",
      Phone: "phone",
      Telephone: "phone",
      Téléphone: "phone",
      Tel: "phone",
      "Tel.": "phone",
      Mobile: "mobile",
      Cell: "mobile",
      "Cell phone": "mobile",
      "Job title": "job",
      Address: "address",
      "Zip code": "zipcode",
      "Postal code": "zipcode",
      Country: "country",
      Website: "web",
      "VAT number": "vat",
    };
    for (const [name, key] of Object.entries(cases))
      expect(contactKeyForFieldName(name), name).toBe(key);
    for (const name of ["Department", "Budget", "Notes", "constructor"]) {
      expect(contactKeyForFieldName(name), name).toBeUndefined();
    }
  });
});

describe("contactFieldValue / contactFieldMatches", () => {
  const lead = {
    description:
      "Email: Ann@X.io \nPhone : 801 274 6798\n---\nAlso reach her at other@x.io\nEmail: notes@x.io",
    comments: [{ content: "Email: comment@x.io" }],
  };

  it("reads a contact field ignoring case and surrounding spaces", () => {
    expect(contactFieldValue(lead, " email ")).toBe("Ann@X.io");
    expect(contactFieldValue(lead, "PHONE")).toBe("801 274 6798");
    expect(contactFieldValue(lead, "Mobile")).toBeUndefined();
    expect(contactFieldValue(getLead, "full name")).toBe("Natalia Bawer");
  });

  it("matches only the contact field's value, not a mention in the notes or a comment", () => {
    expect(contactFieldMatches(lead, "Email", "  ann@x.IO ")).toBe(true);
    expect(contactFieldMatches(lead, "Email", "other@x.io")).toBe(false);
    expect(contactFieldMatches(lead, "Email", "notes@x.io")).toBe(false);
    expect(contactFieldMatches(lead, "Email", "comment@x.io")).toBe(false);
    expect(contactFieldMatches(lead, "Email", "ann@x.io.evil")).toBe(false);
    expect(contactFieldMatches(lead, "Phone", "8012746798")).toBe(false);
    expect(contactFieldMatches(lead, "Fax", "")).toBe(false);
  });

  it("sameContactValue ignores case and surrounding spaces only", () => {
    expect(sameContactValue(" A@x.io", "a@X.IO ")).toBe(true);
    expect(sameContactValue("Zoe\u0308", "Zoë")).toBe(true);
    expect(sameContactValue("a b", "ab")).toBe(false);
    expect(sameContactValue(null, "")).toBe(false);
    expect(sameContactValue(undefined, undefined)).toBe(false);
  });
});
