/** A lead's description as contact lines plus notes: reading, merging and composing it. */
import { describe, expect, it } from "vitest";
import {
  composeDescription,
  contactFieldsProblem,
  contactKeyProblem,
  type DescriptionFormat,
  descriptionFormat,
  escapeHtml,
  mergeContactFields,
  normalizeFieldName,
  parseContactFields,
  sanitizeContactValue,
} from "../src/leads/description";
import { seeded } from "./random";

// Shapes from the API document (GET /leads, GET /leads/{id}, webhook events, create_lead).
const NATALIA_TEXT =
  "Firstname: Natalia\nLastname: Bawer\nFull name: Natalia Bawer\nEmail: natalia.bawer@loretta-inc.com\nPhone: 801 274 6798\nMobile: 832 764 1930 \nAddress: 1234 N 7864 W President Bld - Salt Lake City, UT 84105\nWeb: http://more-info-loretta.com\nDepartment: Sales\n--- Entrez une description ci-dessous ---\n \n--- \nMet Natalia at a seminar. She could be interested.\nShe is on business trip. Have to call her when she is back.";
const NATALIA_HTML =
  'Firstname: Natalia<br />Lastname: Bawer<br />Full name: Natalia Bawer<br />Email: natalia.bawer@loretta-inc.com<br />Phone: 801 274 6798<br />Mobile: 832 764 1930&nbsp;<br />Address: 1234 N 7864 W President Bld - Salt Lake City, UT 84105<br />Web: http://more-info-loretta.com<br />Department: Sales<br />\r\n<p class="lead-desc-separator">--- Entrez une description ci-dessous ---</p>\r\n<div>&nbsp;</div>\r\n<br />--- <br />\r\n<p>Met Natalia at a seminar. She could be interested.<br />She is on business trip. Have to call her when she is back.</p>';
const NATALIA_FIELDS = {
  Firstname: "Natalia",
  Lastname: "Bawer",
  "Full name": "Natalia Bawer",
  Email: "natalia.bawer@loretta-inc.com",
  Phone: "801 274 6798",
  Mobile: "832 764 1930",
  Address: "1234 N 7864 W President Bld - Salt Lake City, UT 84105",
  Web: "http://more-info-loretta.com",
  Department: "Sales",
};
const JOHN_TEXT =
  "Firstname: John\nLastname: Doe\nEmail: john.doe@acme.corp.com\nPhone: 201 418 1625\n---\nJohn is very interested by our service. He wants a quote asap.\n";
const JOHN_HTML =
  "Firstname: John<br />Lastname: Doe<br />Email: john.doe@acme.corp.com<br />Phone: 201 418 1625<br />\r\n---\r\n<p>John is very interested by our service. He wants a quote asap.<br /><br /></p>";
const WEBHOOK_HTML =
  "Firstname: John<br />Lastname: Doe<br />Email: john@red.com<br />Phone: +1 870 538 2086<br />\r\n---\r\n<p>Some description of the company.</p>";
const JULIA_HTML =
  "Firstname: Julia<br>Lastname: Green<br>Email: julia.green@example.com<br>Phone: 345 234 7777";

/** Every line separator a value may carry. */
const SEPARATORS = ["\r\n", "\n", "\r", "\u2028", "\u2029", "\u0085", "\v", "\f"];

describe("parseContactFields", () => {
  it("reads the document's plain and HTML descriptions alike, stopping at the separator", () => {
    expect(parseContactFields(NATALIA_TEXT)).toEqual(NATALIA_FIELDS);
    expect(parseContactFields(NATALIA_HTML)).toEqual(NATALIA_FIELDS);
    const john = {
      Firstname: "John",
      Lastname: "Doe",
      Email: "john.doe@acme.corp.com",
      Phone: "201 418 1625",
    };
    expect(parseContactFields(JOHN_TEXT)).toEqual(john);
    expect(parseContactFields(JOHN_HTML)).toEqual(john);
    expect(parseContactFields(WEBHOOK_HTML)).toEqual({
      Firstname: "John",
      Lastname: "Doe",
      Email: "john@red.com",
      Phone: "+1 870 538 2086",
    });
    expect(parseContactFields(JULIA_HTML)).toEqual({
      Firstname: "Julia",
      Lastname: "Green",
      Email: "julia.green@example.com",
      Phone: "345 234 7777",
    });
  });

  it("keeps keys as written (trimmed) and accepts 'Key : value' and tight 'Key:value'", () => {
    expect(
      parseContactFields("  Full name :  Ann Lee \nE-mail:ann@x.io\r\nTel. portable : 06"),
    ).toEqual({ "Full name": "Ann Lee", "E-mail": "ann@x.io", "Tel. portable": "06" });
  });

  it("reads only the first of several contact blocks", () => {
    const text =
      "Firstname: Ann\nEmail: ann@x.io\n-----\nFirstname: Bob\nEmail: bob@x.io\n---\nnotes";
    expect(parseContactFields(text)).toEqual({ Firstname: "Ann", Email: "ann@x.io" });
    const html = "Firstname: Ann<br />-----<br />Firstname: Bob<br />Phone: 1";
    expect(parseContactFields(html)).toEqual({ Firstname: "Ann" });
    expect(parseContactFields("Firstname: Ann<hr>Phone: 1")).toEqual({ Firstname: "Ann" });
  });

  it("does not read note sentences, times or URLs as fields", () => {
    const text = [
      "Email: ann@x.io",
      "Met her at the fair, she said: call back in May",
      "Phone: 555",
    ].join("\n");
    // The sentence ends the block: Phone below it is a note.
    expect(parseContactFields(text)).toEqual({ Email: "ann@x.io" });
    for (const note of [
      "Call at 10:30 tomorrow",
      "https://example.com/page",
      "This is a very long sentence before any colon: value",
      "Hi, John: call me",
      "---: x",
      ": no key",
      "2024: a good year",
      '"Quoted": x',
      "john@x.io: hello",
    ]) {
      expect(parseContactFields(note), note).toEqual({});
    }
    expect(parseContactFields("Web: https://x.io\nMeeting: 10:30")).toEqual({
      Web: "https://x.io",
      Meeting: "10:30",
    });
  });

  it("finds the block after leading notes, but never below the first separator", () => {
    expect(
      parseContactFields("<p>Intro from the form</p>Firstname: Ann<br />Email: a@x.io"),
    ).toEqual({
      Firstname: "Ann",
      Email: "a@x.io",
    });
    expect(parseContactFields("Intro line\nFirstname: Ann")).toEqual({ Firstname: "Ann" });
    expect(parseContactFields("Just a note.\n---\nNext step: call")).toEqual({});
    expect(parseContactFields("---\nFirstname: Ann")).toEqual({});
    expect(
      parseContactFields(
        '<p class="lead-desc-separator">--- Enter a description below ---</p><p>Budget: 5k</p>',
      ),
    ).toEqual({});
  });

  it("keeps going over empty lines inside a block, and reads blocks without notes", () => {
    expect(parseContactFields("\n\nFirstname: Ann\n\n  \nEmail: a@x.io\n\n")).toEqual({
      Firstname: "Ann",
      Email: "a@x.io",
    });
    expect(parseContactFields("Firstname: Ann<br /><br />&nbsp;<br />Email: a@x.io")).toEqual({
      Firstname: "Ann",
      Email: "a@x.io",
    });
  });

  it("takes the first of duplicate keys (ignoring case and spaces) and keeps empty values", () => {
    expect(parseContactFields("Phone: 1\nphone : 2\nFax:\nPHONE: 3")).toEqual({
      Phone: "1",
      Fax: "",
    });
  });

  it("decodes entities once and strips inline tags in HTML", () => {
    expect(
      parseContactFields(
        "T&eacute;l&eacute;phone: 01&nbsp;02<br /><b>Company</b>: Smith &amp; Co<br />Note: &amp;lt;b&amp;gt; &#39;x&#x27; &bogus;",
      ),
    ).toEqual({ Téléphone: "01\u00a002", Company: "Smith & Co", Note: "&lt;b&gt; 'x' &bogus;" });
    // Plain text is not decoded: the API's text_description is already text.
    expect(parseContactFields("Company: Smith & Co")).toEqual({ Company: "Smith & Co" });
  });

  it("reads unicode keys and values", () => {
    expect(parseContactFields("Prénom: Zoë\nN° TVA: FR12\n電話: 03-1234\nBudget €: 5 000")).toEqual(
      {
        Prénom: "Zoë",
        "N° TVA": "FR12",
        電話: "03-1234",
        "Budget €": "5 000",
      },
    );
  });

  it("gives {} for empty, null and notes-only descriptions", () => {
    expect(parseContactFields("")).toEqual({});
    expect(parseContactFields(null)).toEqual({});
    expect(parseContactFields(undefined)).toEqual({});
    expect(parseContactFields("<p>Only a note.</p>")).toEqual({});
  });

  it("returns own properties only, whatever the key", () => {
    const fields = parseContactFields("constructor: x\ntoString: y");
    expect(fields).toEqual({ constructor: "x", toString: "y" });
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });
});

describe("descriptionFormat", () => {
  it("tells HTML from plain text", () => {
    expect(descriptionFormat(NATALIA_HTML)).toBe("html");
    expect(descriptionFormat(JULIA_HTML)).toBe("html");
    expect(descriptionFormat("Mobile: 1&nbsp;")).toBe("html");
    expect(descriptionFormat(NATALIA_TEXT)).toBe("plain");
    expect(descriptionFormat("Email: John <john@x.io>\nR&D: yes; a < b")).toBe("plain");
    expect(descriptionFormat("")).toBe("plain");
  });
});

describe("mergeContactFields", () => {
  it("replaces one line of a plain description and keeps every other byte", () => {
    const merged = mergeContactFields(NATALIA_TEXT, [["Phone", "555 0100"]]);
    expect(merged).toBe(NATALIA_TEXT.replace("Phone: 801 274 6798", "Phone: 555 0100"));
  });

  it("replaces one line of an HTML description and keeps every other byte", () => {
    const merged = mergeContactFields(NATALIA_HTML, [["phone", "555 0100"]]);
    expect(merged).toBe(NATALIA_HTML.replace("Phone: 801 274 6798", "Phone: 555 0100"));
    expect(mergeContactFields(JULIA_HTML, [["Email", "j@g.io"]])).toBe(
      JULIA_HTML.replace("julia.green@example.com", "j@g.io"),
    );
  });

  it("matches keys ignoring case and spaces, keeping the line's own key and 'Key : value' form", () => {
    const text = "First name : Ann\nEMAIL:a@x.io\nPhone: 1";
    expect(
      mergeContactFields(text, [
        ["  first   NAME ", "Anna"],
        ["email", "b@x.io"],
      ]),
    ).toBe("First name : Anna\nEMAIL: b@x.io\nPhone: 1");
    expect(mergeContactFields("  Phone :  1  \nFax: 2", [["phone", "3"]])).toBe(
      "  Phone : 3\nFax: 2",
    );
  });

  it("adds new keys at the end of the first block, with the block's own line break", () => {
    expect(
      mergeContactFields(JOHN_TEXT, [
        ["Mobile", "06"],
        ["Job", "CEO"],
      ]),
    ).toBe(
      JOHN_TEXT.replace("Phone: 201 418 1625\n", "Phone: 201 418 1625\nMobile: 06\nJob: CEO\n"),
    );
    expect(mergeContactFields(WEBHOOK_HTML, [["Mobile", "06"]])).toBe(
      WEBHOOK_HTML.replace("2086<br />", "2086<br />Mobile: 06<br />"),
    );
    expect(mergeContactFields(JULIA_HTML, [["Mobile", "06"]])).toBe(`${JULIA_HTML}<br>Mobile: 06`);
    const twoBlocks = "Firstname: Ann\n-----\nFirstname: Bob\n---\nnotes";
    expect(
      mergeContactFields(twoBlocks, [
        ["Email", "a@x.io"],
        ["firstname", "Anna"],
      ]),
    ).toBe("Firstname: Anna\nEmail: a@x.io\n-----\nFirstname: Bob\n---\nnotes");
  });

  it("keeps Windows line endings", () => {
    expect(mergeContactFields("A: 1\r\nB: 2", [["C", "3"]])).toBe("A: 1\r\nB: 2\r\nC: 3");
    expect(mergeContactFields("A: 1\u2028B: 2", [["C", "3"]])).toBe("A: 1\u2028B: 2\nC: 3");
    const text = "Firstname: Ann\r\nEmail: a@x.io\r\n---\r\nNotes\r\nmore";
    expect(mergeContactFields(text, [["Phone", "1"]], ["Email"])).toBe(
      "Firstname: Ann\r\nPhone: 1\r\n---\r\nNotes\r\nmore",
    );
  });

  it("removes lines with their line break, wherever they sit in the block", () => {
    const text = "A: 1\nB: 2\nC: 3\n---\nnotes";
    expect(mergeContactFields(text, [], ["A"])).toBe("B: 2\nC: 3\n---\nnotes");
    expect(mergeContactFields(text, [], ["b"])).toBe("A: 1\nC: 3\n---\nnotes");
    expect(mergeContactFields(text, [], ["C"])).toBe("A: 1\nB: 2\n---\nnotes");
    expect(mergeContactFields(text, [], ["A", "B", "C"])).toBe("---\nnotes");
    expect(mergeContactFields("A: 1\nB: 2", [], ["B"])).toBe("A: 1");
    expect(mergeContactFields("A: 1", [], ["A"])).toBe("");
    expect(mergeContactFields(WEBHOOK_HTML, [], ["Phone", "Missing"])).toBe(
      WEBHOOK_HTML.replace("Phone: +1 870 538 2086<br />", ""),
    );
    // A block tag is never removed: the paragraph stays balanced.
    expect(mergeContactFields("<p>A: 1</p><p>B: 2</p><p>---</p>", [], ["B"])).toBe(
      "<p>A: 1</p><p></p><p>---</p>",
    );
  });

  it("puts new keys in the place of a removed last line", () => {
    expect(mergeContactFields("A: 1\nB: 2\n---\nn", [["C", "3"]], ["B"])).toBe(
      "A: 1\nC: 3\n---\nn",
    );
  });

  it("replaces the first of duplicate lines, keeps the others, and removes them all", () => {
    const text = "Phone: 1\nEmail: a\nphone: 2";
    expect(mergeContactFields(text, [["Phone", "9"]])).toBe("Phone: 9\nEmail: a\nphone: 2");
    expect(mergeContactFields(text, [], ["PHONE"])).toBe("Email: a");
  });

  it("takes the last value of a key set twice, and sets a key that is also removed", () => {
    expect(
      mergeContactFields("A: 1", [
        ["B", "x"],
        ["b", "y"],
      ]),
    ).toBe("A: 1\nb: y");
    expect(mergeContactFields("A: 1", [["A", "2"]], ["a"])).toBe("A: 2");
  });

  it("gives an empty description a fresh plain block", () => {
    expect(
      mergeContactFields("", [
        ["Firstname", "Ann"],
        ["Email", "a@x.io"],
      ]),
    ).toBe("Firstname: Ann\nEmail: a@x.io");
    expect(mergeContactFields(null, [["Email", "a&b<c>"]])).toBe("Email: a&b< c>");
    expect(mergeContactFields("  \n ", [["Email", "a"]])).toBe("Email: a");
    expect(mergeContactFields("", [], ["Email"])).toBe("");
  });

  it("puts a new block on top of notes-only descriptions, notes kept", () => {
    expect(mergeContactFields("Met him at the fair.\nCall at 10:30", [["Email", "a@x.io"]])).toBe(
      "Email: a@x.io\n---\nMet him at the fair.\nCall at 10:30",
    );
    expect(mergeContactFields("<p>Met him.</p>", [["Email", "a@x.io"]])).toBe(
      "Email: a@x.io<br />---<br /><p>Met him.</p>",
    );
    expect(mergeContactFields("---\r\nNext step: call", [["Email", "a"]])).toBe(
      "Email: a\r\n---\r\nNext step: call",
    );
    const separatorFirst = '<p class="lead-desc-separator">--- Enter a description ---</p><p>x</p>';
    expect(mergeContactFields(separatorFirst, [["Email", "a"]])).toBe(
      `Email: a<br />${separatorFirst}`,
    );
    expect(mergeContactFields("Just notes", [], ["Email"])).toBe("Just notes");
  });

  it("adds after leading notes when the block comes after them", () => {
    expect(mergeContactFields("<p>Intro</p>Firstname: Ann<br />Email: a", [["Phone", "1"]])).toBe(
      "<p>Intro</p>Firstname: Ann<br />Email: a<br />Phone: 1",
    );
  });

  it("rewrites a key wrapped in formatting tags without leaving them unbalanced", () => {
    expect(mergeContactFields("<b>Email</b>: a@x.io<br />Phone : 1", [["email", "b@x.io"]])).toBe(
      "Email: b@x.io<br />Phone : 1",
    );
    expect(mergeContactFields("<strong>Email :</strong> a<br />x", [["Email", "b"]])).toBe(
      "Email : b<br />x",
    );
    expect(mergeContactFields("T&eacute;l&eacute;phone: 1<br />", [["téléphone", "2"]])).toBe(
      "T&eacute;l&eacute;phone: 2<br />",
    );
  });

  it("is idempotent", () => {
    for (const description of [NATALIA_TEXT, NATALIA_HTML, JOHN_HTML, WEBHOOK_HTML, "", "notes"]) {
      const set: Array<[string, string]> = [
        ["Phone", "555\n0100"],
        ["Country", "France & Co <x>"],
      ];
      const once = mergeContactFields(description, set, ["Web"]);
      expect(mergeContactFields(once, set, ["Web"])).toBe(once);
    }
  });

  describe("cannot be used to inject a line", () => {
    const formats: Array<[DescriptionFormat, string]> = [
      ["plain", JOHN_TEXT],
      ["html", JOHN_HTML],
    ];
    for (const [format, description] of formats) {
      it(`in ${format}: through any line separator in a value or key`, () => {
        for (const sep of SEPARATORS) {
          const merged = mergeContactFields(description, [
            ["Phone", `555${sep}Status: won`],
            [`Web${sep}site`, `x ${sep}${sep} Status: lost`],
          ]);
          const fields = parseContactFields(merged);
          expect(fields.Phone, JSON.stringify(sep)).toBe("555 Status: won");
          expect(fields["Web site"]).toBe("x Status: lost");
          expect(Object.keys(fields)).not.toContain("Status");
          // One line more in plain text (a newline), the same raw newlines in HTML (a <br />).
          const breaks = (text: string) => text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/).length;
          expect(breaks(merged)).toBe(breaks(description) + (format === "plain" ? 1 : 0));
          expect(descriptionFormat(merged)).toBe(format);
        }
      });

      it(`in ${format}: through markup in a value`, () => {
        for (const value of [
          "1<br />Status: won",
          "1<br>Status: won",
          "1</p><p>Status: won",
          "1<div>Status: won</div>",
          "1<hr>Status: won",
          "1<!-- x -->Status: won",
          "1&lt;br&gt;Status: won",
          "1&#10;Status: won",
        ]) {
          const merged = mergeContactFields(description, [["Phone", value]]);
          const fields = parseContactFields(merged);
          expect(Object.keys(fields), value).not.toContain("Status");
          expect(fields.Phone).toBe(sanitizeContactValue(value, format));
          expect(descriptionFormat(merged)).toBe(format);
          if (format === "html") expect(fields.Phone).toBe(value);
        }
      });
    }

    it("a plain description stays plain text that no HTML reader splits", () => {
      const merged = mergeContactFields("Email: a", [["Phone", "1<br/>Status: won &amp; <!--"]]);
      expect(merged).toBe("Email: a\nPhone: 1< br/>Status: won & amp; < !--");
      expect(merged).not.toMatch(/<[a-z/!]/i);
    });
  });

  it("refuses unusable keys", () => {
    expect(() => mergeContactFields("A: 1", [["Status: won", "x"]])).toThrow(/contains ":"/);
    expect(() => mergeContactFields("A: 1", [], [""])).toThrow(/is empty/);
  });
});

describe("contactKeyProblem / contactFieldsProblem", () => {
  it("accepts real field names and reads line breaks in them as spaces", () => {
    for (const key of [
      "Firstname",
      "Full name",
      "E-mail",
      "Tel.",
      "Phone (work)",
      "N° TVA",
      "Code postal",
      "Company's name",
      "Budget €",
      "Newsletter?",
      "Numéro de TVA intracommunautaire",
      "電話",
      "Web\r\nsite",
      "Web\u2028site",
    ]) {
      expect(contactKeyProblem(key), key).toBeUndefined();
    }
  });

  it("names the problem in words a builder can act on", () => {
    expect(contactKeyProblem("Status: won")).toBe(
      'the field name "Status: won" contains ":" (the API reads "Name: value" lines).',
    );
    expect(contactKeyProblem("  ")).toMatch(/is empty/);
    expect(contactKeyProblem("x".repeat(33))).toMatch(/longer than 32 characters/);
    expect(contactKeyProblem("2024")).toMatch(/only digits/);
    for (const key of ["---Status", "<b>x</b>", "a,b", "_x", "Hi! there", "a@b.c", 'say "x"']) {
      expect(contactKeyProblem(key), key).toMatch(/must start with a letter or a digit/);
    }
  });

  it("checks every key to set and to remove", () => {
    expect(contactFieldsProblem([["Email", "a"]], ["Phone"])).toBeUndefined();
    expect(
      contactFieldsProblem([
        ["Email", "a"],
        ["A:B", "x"],
      ]),
    ).toMatch(/"A:B" contains ":"/);
    expect(contactFieldsProblem([], ["A:B"])).toMatch(/contains ":"/);
  });
});

/** The implementation that lived in src/actions/leads/write.ts, kept as the reference output. */
function previousCompose(fields: Array<[string, string]> | undefined, text: string | undefined) {
  const lines = (fields ?? []).map(
    ([key, value]) => `${key}: ${value.replace(/\s*\r?\n\s*/g, " ").trim()}`,
  );
  if (lines.length === 0) return text ?? "";
  return text?.trim() ? `${lines.join("\n")}\n---\n${text}` : lines.join("\n");
}

describe("composeDescription", () => {
  it("gives the same output as before for the inputs it accepted", () => {
    const cases: Array<[Array<[string, string]> | undefined, string | undefined]> = [
      [undefined, undefined],
      [undefined, "Just notes"],
      [[], "Notes\nmore"],
      [[["Firstname", "John"]], undefined],
      [
        [
          ["Firstname", "John"],
          ["Email", "john@x.io"],
        ],
        "Met at the fair.\nCall back.",
      ],
      [[["Address", "1 Main St\nSpringfield \r\n  IL"]], "  "],
      [[["Email", " a@x.io "]], ""],
      [[["Phone", ""]], "n"],
      [[[" Spaced ", "v"]], "n"],
      [[["Note", "a\n\n\nb"]], "x\r\ny"],
    ];
    for (const [fields, notes] of cases) {
      expect(composeDescription(fields, notes)).toBe(previousCompose(fields, notes));
    }
  });

  it("turns every line separator in a value into a space and neutralises markup", () => {
    for (const sep of SEPARATORS) {
      const description = composeDescription([["Phone", `1${sep}Status: won`]], "notes");
      expect(description).toBe("Phone: 1 Status: won\n---\nnotes");
      expect(parseContactFields(description)).toEqual({ Phone: "1 Status: won" });
    }
    expect(composeDescription([["Phone", "1<br>Status: won"]], undefined)).toBe(
      "Phone: 1< br>Status: won",
    );
  });

  it("refuses keys with a colon", () => {
    expect(() => composeDescription([["Status: won", "x"]], undefined)).toThrow(/contains ":"/);
  });

  it("reads long runs of spaces in a value in linear time (no regex backtracking)", () => {
    const spaces = " ".repeat(300_000);
    expect(composeDescription([["Note", `${spaces}a${spaces}\n${spaces}b${spaces}`]], "n")).toBe(
      "Note: a b\n---\nn",
    );
    expect(
      parseContactFields(mergeContactFields(`Note: x${spaces}`, [["Note", `${spaces}y`]])),
    ).toEqual({
      Note: "y",
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Randomised: any description built from blocks and notes, in either format.

const KEYS = [
  "Firstname",
  "Lastname",
  "Full name",
  "Email",
  "Phone",
  "Mobile",
  "Address",
  "Web",
  "Department",
  "Téléphone",
  "Code postal",
  "N° TVA",
  "Job title",
  "電話",
];
const VALUE_CHARS = "abcdefXYZ0123456789 .,-@/éü€漢'\"";
const NASTY = [
  ..."&<>:;",
  ...SEPARATORS,
  "<br />",
  "</p>",
  "&amp;",
  "&nbsp;",
  "---",
  "Status: won",
];

function caseVariant(rng: ReturnType<typeof seeded>, key: string): string {
  const spaced = rng.below(3) === 0 ? `  ${key} ` : key;
  return rng.below(2) ? spaced.toUpperCase() : rng.below(2) ? spaced.toLowerCase() : spaced;
}

function buildCase(seed: number) {
  const rng = seeded(seed);
  const format: DescriptionFormat = rng.below(2) ? "html" : "plain";
  const word = () =>
    Array.from({ length: 1 + rng.below(8) }, () => rng.pick([..."abcdefghijklmnop"])).join("");
  const value = () => {
    let v = Array.from({ length: 1 + rng.below(12) }, () => rng.pick([...VALUE_CHARS])).join("");
    v = v.trim() || "v";
    return v.startsWith("/") ? `x${v}` : v;
  };
  const newline =
    format === "html"
      ? rng.pick(["<br />", "<br>", "<br/>", "<br />\r\n"])
      : rng.pick(["\n", "\r\n"]);
  const writeLine = (key: string, v: string) => {
    const colon = rng.pick([": ", " : ", ":"]);
    const text = colon === ":" && /^\d/.test(v) ? `${key}: ${v}` : `${key}${colon}${v}`;
    if (format === "plain") return text;
    const escaped = escapeHtml(text);
    return rng.below(4) === 0 ? `${escaped}&nbsp;` : escaped;
  };
  const blocks: Array<Array<[string, string]>> = Array.from({ length: rng.below(3) }, () =>
    Array.from({ length: 1 + rng.below(5) }, () => [
      rng.below(4) === 0 ? `${word()} ${word()}`.slice(0, 30) : rng.pick(KEYS),
      value(),
    ]),
  );
  const renderBlock = (block: Array<[string, string]>) =>
    block.map(([k, v]) => writeLine(k, v) + (rng.below(6) === 0 ? newline : "")).join(newline);
  const notes = Array.from(
    { length: rng.below(3) },
    () => `${word()} ${word()}: ${value()}. ${word()}`, // looks like a field, but below ---
  );
  const notesBefore = blocks.length > 0 && rng.below(4) === 0 ? `${word()} ${word()}.` : "";

  let head = "";
  if (notesBefore) head = format === "html" ? `<p>${notesBefore}</p>` : `${notesBefore}${newline}`;
  let body = blocks.map(renderBlock).join(`${newline}-----${newline}`);
  let tail = "";
  if (notes.length > 0) {
    const separator =
      format === "html"
        ? rng.pick([
            "---",
            '<p class="lead-desc-separator">--- Entrez une description ci-dessous ---</p>',
          ])
        : rng.pick(["---", "--- Entrez une description ci-dessous ---"]);
    const renderedNotes =
      format === "html" ? `<p>${notes.map(escapeHtml).join("<br />")}</p>` : notes.join(newline);
    tail = `${separator}${separator.startsWith("<p") ? "" : newline}${renderedNotes}`;
    if (body) body += format === "html" ? "<br />\r\n" : newline;
  } else if (blocks.length > 1) {
    tail = "";
  }
  // Tail for blocks after the first: they stay byte for byte too.
  const firstBlockEnd = blocks.length > 1 ? body.indexOf(`${newline}-----${newline}`) : -1;
  const description = head + body + tail;
  const untouchedTail =
    firstBlockEnd >= 0 ? body.slice(firstBlockEnd + newline.length) + tail : tail;

  const firstKeys = blocks[0]?.map(([k]) => k) ?? [];
  const set: Array<[string, string]> = Array.from({ length: rng.below(4) }, () => {
    const key =
      firstKeys.length && rng.below(2) ? caseVariant(rng, rng.pick(firstKeys)) : rng.pick(KEYS);
    const v = rng.below(3) === 0 ? `${value()}${rng.pick(NASTY)}${value()}` : value();
    return [key, v];
  });
  const remove = firstKeys.filter(() => rng.below(4) === 0).map((k) => caseVariant(rng, k));
  return { format, blocks, description, head, untouchedTail, set, remove };
}

describe("mergeContactFields on random descriptions", () => {
  it("sets, removes and keeps exactly what it should, in both formats", () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const c = buildCase(seed);
      const context = `seed ${seed}: ${JSON.stringify(c.description)} set ${JSON.stringify(c.set)} remove ${JSON.stringify(c.remove)}`;

      // The parser reads what was written (first block, first of duplicates wins).
      const written = new Map<string, string>();
      for (const [k, v] of c.blocks[0] ?? [])
        if (!written.has(normalizeFieldName(k))) written.set(normalizeFieldName(k), v);
      const before = parseContactFields(c.description);
      expect(
        new Map(Object.entries(before).map(([k, v]) => [normalizeFieldName(k), v])),
        context,
      ).toEqual(written);

      const merged = mergeContactFields(c.description, c.set, c.remove);
      const format = descriptionFormat(c.description);
      const expected = new Map(written);
      const setIds = new Set(c.set.map(([k]) => normalizeFieldName(k)));
      for (const k of c.remove)
        if (!setIds.has(normalizeFieldName(k))) expected.delete(normalizeFieldName(k));
      for (const [k, v] of c.set)
        expected.set(normalizeFieldName(k), sanitizeContactValue(v, format));

      const after = parseContactFields(merged);
      expect(
        new Map(Object.entries(after).map(([k, v]) => [normalizeFieldName(k), v])),
        context,
      ).toEqual(expected);
      // Existing keys keep their spelling.
      for (const key of Object.keys(before)) {
        if (expected.has(normalizeFieldName(key)))
          expect(Object.keys(after), context).toContain(key);
      }
      // Notes, later blocks and leading notes are kept byte for byte.
      expect(merged.endsWith(c.untouchedTail), context).toBe(true);
      expect(merged.startsWith(c.head), context).toBe(true);
      // Untouched lines of the block are kept byte for byte.
      const touched = new Set([...setIds, ...c.remove.map(normalizeFieldName)]);
      for (const [k, v] of c.blocks[0] ?? []) {
        if (touched.has(normalizeFieldName(k))) continue;
        const text = c.format === "html" ? escapeHtml(v) : v;
        expect(merged, context).toContain(text);
      }
      // The format never changes, unless removals left text without any markup at all.
      if (descriptionFormat(merged) !== format) expect(merged, context).not.toMatch(/[<&]/);
      // Idempotent.
      expect(mergeContactFields(merged, c.set, c.remove), context).toBe(merged);
    }
  });
});
