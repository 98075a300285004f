import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { displayLabel } from "@/server/taxonomy/display-label";
import { foldBoth, foldPlain, foldText } from "@/server/taxonomy/fold";
import { cleanLabel } from "@/server/taxonomy/normalize";
import { allowedEdits, boundedEditDistance } from "@/server/taxonomy/index/edit-distance";
import { WordDictionary } from "@/server/taxonomy/index/word-dictionary";

describe("boundedEditDistance", () => {
  test.each([
    ["python", "python", 0],
    ["pyhton", "python", 1], // two letters swapped: one edit
    ["pyton", "python", 1],
    ["pythonn", "python", 1],
    ["pythan", "python", 1],
    ["pthyon", "python", 2],
    ["java", "lava", 1],
  ])("%s -> %s is %i", (a, b, d) => {
    expect(boundedEditDistance(a, b, 2)).toBe(d);
  });

  test("stops at the bound", () => {
    expect(boundedEditDistance("kjemi", "python", 1)).toBe(2);
    expect(boundedEditDistance("a".repeat(100), "a".repeat(100), 2)).toBe(3);
  });

  test("prefix mode measures against the closest beginning of the word", () => {
    expect(boundedEditDistance("pyht", "pythonista", 1, true)).toBe(1);
    expect(boundedEditDistance("pyth", "pythonista", 1, true)).toBe(0);
    expect(boundedEditDistance("managment", "management skills", 2, true)).toBe(1);
    expect(boundedEditDistance("xyz", "python", 1, true)).toBe(2);
  });

  test("edits allowed grow with the word: none below 4 letters, one from 4, two from 8", () => {
    expect([3, 4, 7, 8].map(allowedEdits)).toEqual([0, 1, 1, 2]);
  });
});

describe("folding", () => {
  test("Norwegian letters as typed on an English keyboard, accents dropped, punctuation breaks words", () => {
    expect(foldText("Tømrer/Snekker")).toBe("toemrer snekker");
    expect(foldText("Sjåfør")).toBe("sjaafoer");
    expect(foldText("Værmelding")).toBe("vaermelding");
    expect(foldPlain("Sjåfør")).toBe("sjafor");
    expect(foldText("Café   crème")).toBe("cafe creme");
    expect(foldText("C++ og C#")).toBe("c++ og c#");
    expect(foldText("👩‍💻 \u0000 %_")).toBe("");
  });

  test("both forms at once are the two forms", () => {
    for (const label of ["Sjåfør", "Tømrer/Snekker", "Project management", "Café crème"]) expect(foldBoth(label)).toEqual([foldText(label), foldPlain(label)]);
  });

  test("a label keeps no control characters (the index build packs labels between them)", () => {
    expect(cleanLabel(" Sveis\u001eing\u001f \tarbeid\u0000 ")).toBe("Sveis ing arbeid");
  });
});

describe("displayLabel: the one rule for the label a person sees", () => {
  const labels = [
    { lang: "en", labelKind: "preferred" as const, label: "Welding" },
    { lang: "nb", labelKind: "alt" as const, label: "sveis" },
    { lang: "nb", labelKind: "hidden" as const, label: "sveisng" },
  ];
  test("preferred in the user's language, else preferred in the other, never hidden", () => {
    expect(displayLabel([...labels, { lang: "nb", labelKind: "preferred", label: "Sveising" }], "nb")).toBe("Sveising");
    expect(displayLabel(labels, "nb")).toBe("Welding");
    expect(displayLabel(labels, "en")).toBe("Welding");
    expect(displayLabel([{ lang: "nb", labelKind: "alt", label: "sveis" }], "en")).toBe("sveis");
    expect(displayLabel([{ lang: "nb", labelKind: "hidden", label: "x" }], "en")).toBeNull();
  });
});

describe("WordDictionary typo matches (a trie walk over sorted words)", () => {
  // Edits a dictionary word may be from the query: by what was typed for the word being typed, by
  // the longer of the two for a finished word; never any below four typed letters.
  const allowed = (q: string, w: string, prefix: boolean) =>
    allowedEdits(q.length) === 0 ? 0 : prefix ? allowedEdits(q.length) : allowedEdits(Math.max(q.length, w.length));

  test("finds exactly the words a brute-force distance finds", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-e]{1,9}$/), { minLength: 1, maxLength: 60 }), fc.stringMatching(/^[a-e]{4,10}$/), fc.boolean(), (words, q, prefix) => {
        const dictionary = WordDictionary.fromMap(new Map(words.map((w, i) => [w, [i]])));
        const known = dictionary.words.some((w) => (prefix ? w.startsWith(q) : w === q));
        const got = dictionary.match(q, prefix).filter((m) => m.typo).map((m) => `${dictionary.words[m.word]}:${m.cost / 4}`).sort();
        // Candidates begin with the query's first or second letter, or have it as their second.
        const near = (w: string) => [q.charAt(0), q.charAt(1)].some((c) => w.charAt(0) === c || w.charAt(1) === c);
        const want = known
          ? []
          : dictionary.words
              .filter(near)
              .map((w) => [w, boundedEditDistance(q, w, allowed(q, w, prefix), prefix)] as const)
              .filter(([w, d]) => d <= allowed(q, w, prefix))
              .map(([w, d]) => `${w}:${d}`)
              .sort();
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  const dictionary = WordDictionary.fromMap(
    new Map(["python", "website", "security", "felling", "filling", "wall", "welding", "proposals"].map((w, i) => [w, [i]])),
  );
  const typos = (q: string, prefix = false, typosOfKnownWords = false) =>
    dictionary.match(q, prefix, typosOfKnownWords).filter((m) => m.typo).map((m) => `${dictionary.words[m.word]}:${m.cost / 4}`);

  test("a slip in the first letter is found: swapped, dropped, added or replaced", () => {
    expect(typos("ewbsite")).toEqual(["website:1"]);
    expect(typos("rpoposals")).toEqual(["proposals:1"]);
    expect(typos("ebsite")).toEqual(["website:1"]);
    expect(typos("awebsite")).toEqual(["website:1"]);
    expect(typos("qython")).toEqual(["python:1"]);
    expect(typos("awll")).toEqual(["wall:1"]);
  });

  test("two swapped letters are one edit", () => {
    expect(typos("pyhton")).toEqual(["python:1"]);
    expect(typos("wbesit", true)).toEqual(["website:1"]);
    expect(typos("wbesite", true)).toEqual(["website:1"]);
  });

  test("a word beyond the allowed edits is not found", () => {
    expect(typos("pthyon")).toEqual([]); // two edits in six letters
    expect(typos("xwbsitq")).toEqual([]); // three edits
    expect(typos("pyt")).toEqual([]); // no edits below four letters
  });

  test("a finished word may be as many edits away as the longer word allows; a word being typed, as many as typed", () => {
    expect(typos("surity")).toEqual(["security:2"]);
    expect(typos("surity", true)).toEqual([]);
  });

  test("a known word is taken as meant, unless typos of known words are asked for", () => {
    expect(typos("felling")).toEqual([]);
    expect(typos("felling", false, true)).toEqual(["filling:1"]);
  });
});
