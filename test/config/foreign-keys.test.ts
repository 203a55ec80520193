import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { misspeltKey } from "../../src/config/foreign.js";
import { resolveConfig } from "../../src/config/resolve.js";
import { ErrorCode } from "../../src/errors.js";
import { readSource } from "../../src/source.js";
import { errorOf } from "../helpers/hardening.js";

/** The settings a talk file with this front matter resolves to. */
function resolved(frontMatter: string) {
  return resolveConfig(readSource(`---\n${frontMatter}\n---\n# T\n`, "/talks/talk.md"), undefined);
}

/** Issue 11, item 2: keys that belong to other tools are not talkdeck's to reject. */
describe("front matter written by other tools", () => {
  it("ignores a static-site generator's keys, saying once which", () => {
    const config = resolved(
      [
        "layout: post",
        'title: "An Interview With Jane Roe"',
        'seo_title: "Jane Roe on open source"',
        "image: jane.jpg",
        "links:",
        "  - name: example.org",
        "    url: https://example.org",
        "projects:",
        "  - name: widget",
        '    link: "https://example.org/widget"',
        'tags: ["c"]',
      ].join("\n"),
    );
    expect(config.meta.title).toBe("An Interview With Jane Roe");
    expect(config.notes).toEqual([
      "front matter: ignored keys that talkdeck does not use: layout, seo_title, image, links, projects, tags",
    ]);
  });

  it("reads a podcast pipeline's guest, title, date, description and video link", () => {
    const config = resolved(
      [
        "guest: Jane Roe",
        "title: Deciding under uncertainty | Jane Roe",
        "youtube_url: https://www.youtube.com/watch?v=abc123",
        "video_id: abc123",
        "publish_date: 2024-05-02",
        "description: 'Jane Roe studies decisions.'",
        "duration: '1:21:01'",
        "view_count: 24134",
        "channel: A Podcast",
        "keywords:",
        "- decisions",
      ].join("\n"),
    );
    expect(config.hints).toEqual({
      title: "Deciding under uncertainty | Jane Roe",
      description: "Jane Roe studies decisions.",
      speakers: [{ name: "Jane Roe", aliases: [] }],
    });
    expect(config.meta).toEqual({
      title: "Deciding under uncertainty | Jane Roe",
      date: "2024-05-02",
      originalUrl: "https://www.youtube.com/watch?v=abc123",
    });
    expect(config.notes).toEqual([
      "front matter: ignored keys that talkdeck does not use: video_id, duration, view_count, channel, keywords",
    ]);
  });

  it("reads a web clipper's author list with wiki links, its source page and publication date", () => {
    const config = resolved(
      [
        'title: "Talking With Ann Example"',
        'source: "https://writer.example.com/p/talking?utm_source=x"',
        "author:",
        '  - "[[Sam Writer]]"',
        "published: 2025-07-19",
        "created: 2025-08-26",
        'description: "A conversation"',
        "tags:",
        '  - "clippings"',
      ].join("\n"),
    );
    expect(config.meta).toEqual({
      title: "Talking With Ann Example",
      author: "Sam Writer",
      date: "2025-07-19",
      sourceUrl: "https://writer.example.com/p/talking?utm_source=x",
    });
    // The writer is not taken for a speaker: a write-up without labels would become theirs.
    expect(config.hints.speakers).toBeUndefined();
    expect(config.notes).toEqual([
      "front matter: ignored keys that talkdeck does not use: created, tags",
    ]);
  });

  it("takes author as a string, a list, `{ name }` objects or `authors:`", () => {
    expect(resolved("author: Jane Roe").meta.author).toBe("Jane Roe");
    expect(resolved("author: [Jane Roe, '[[People/Sam Writer|Sam]]']").meta.author).toBe(
      "Jane Roe, Sam Writer",
    );
    expect(resolved("author:\n  - name: Jane Roe\n    url: https://example.org").meta.author).toBe(
      "Jane Roe",
    );
    expect(resolved("author: { name: Jane Roe }").meta.author).toBe("Jane Roe");
    expect(resolved("authors: [Jane Roe, { name: Sam Writer }]").meta.author).toBe(
      "Jane Roe, Sam Writer",
    );
    // talkdeck's own key wins.
    expect(resolved("author: Jane Roe\nauthors: [Sam Writer]").meta.author).toBe("Jane Roe");
    // Left empty by a template: absent, not wrong.
    expect(resolved("author:\ntitle:").meta).toEqual({});
  });

  it("makes guests, speakers and hosts speaker hints in that order, after talkdeck's own `speakers:`, each once", () => {
    const config = resolved(
      [
        "speakers: { Jane: Jane Roe }",
        "host: '[[Lee Host]]'",
        "guests: [Jane Roe, Ann Example and Bo Third]",
        "speaker: { name: Cy Fourth }",
      ].join("\n"),
    );
    expect(config.hints.speakers).toEqual([
      { name: "Jane Roe", aliases: ["Jane"] },
      { name: "Ann Example", aliases: [] },
      { name: "Bo Third", aliases: [] },
      { name: "Cy Fourth", aliases: [] },
      { name: "Lee Host", aliases: [] },
    ]);
    // A talk without labels is taken as the first speaker's: the guest's, not the host's.
    expect(resolved("hosts: [Lee Host]\nguest: Jane Roe").hints.speakers).toEqual([
      { name: "Jane Roe", aliases: [] },
      { name: "Lee Host", aliases: [] },
    ]);
  });

  it("reads dates in the forms feeds write them, and never a Jekyll `published: false`", () => {
    expect(resolved("pubDate: Thu, 02 May 2024 10:00:00 GMT").meta.date).toBe("2024-05-02");
    expect(resolved("publishDate: 2024/5/2 10:00").meta.date).toBe("2024-05-02");
    expect(resolved("date: 2023-01-01\npublished: 2024-05-02").meta.date).toBe("2023-01-01");
    const draft = resolved("published: false");
    expect(draft.meta.date).toBeUndefined();
    expect(draft.notes).toEqual([
      "front matter: ignored keys that talkdeck does not use: published",
    ]);
  });

  it("takes only http(s) links from `url:`, `source:` and `youtube_url:`", () => {
    expect(resolved("url: https://example.org/post").meta.sourceUrl).toBe(
      "https://example.org/post",
    );
    const hostile = resolved("url: 'javascript:alert(1)'\nyoutube_url: 'file:///etc/passwd'");
    expect(hostile.meta).toEqual({});
    expect(hostile.notes[0]).toContain("url, youtube_url");
  });

  it("ignores keys named like Object's own properties without tripping over them", () => {
    const config = resolved("__proto__: { polluted: 1 }\nconstructor: x\ntoString: y");
    expect(config.notes).toEqual([
      "front matter: ignored keys that talkdeck does not use: __proto__, constructor, toString",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads `event:` for the cards' source line and `cover:` as a local image, a web image or Hugo's `{ image }`", () => {
    const dir = mkdtempSync(join(tmpdir(), "talkdeck-cover-"));
    writeFileSync(join(dir, "cover.png"), "not checked here");
    const talkAt = (frontMatter: string) =>
      resolveConfig(readSource(`---\n${frontMatter}\n---\n# T\n`, join(dir, "talk.md")), undefined);
    const local = talkAt("event: ' OpenAI  DevDay 2024 '\ncover: cover.png");
    expect(local.meta.event).toBe("OpenAI DevDay 2024");
    expect(local.cover).toBe(join(dir, "cover.png"));
    expect(local.inputFiles).toContain(join(dir, "cover.png"));
    expect(talkAt("cover: { image: cover.png, alt: A cover }").cover).toBe(join(dir, "cover.png"));
    const web = talkAt("cover: https://example.org/c.jpg");
    expect([web.cover, web.meta.coverUrl]).toEqual([undefined, "https://example.org/c.jpg"]);
    // An untrusted write-up's cover never reads a file outside its folder; a missing one is a note.
    for (const [value, why] of [
      ["../secret.png", "stays inside the folder"],
      ["/etc/passwd", "stays inside the folder"],
      ["missing.png", "no such file"],
    ] as const) {
      const config = talkAt(`cover: ${value}`);
      expect(config.cover).toBeUndefined();
      expect(config.notes.join("\n")).toContain(`the cover image \`${value}\``);
      expect(config.notes.join("\n")).toContain(why);
    }
    expect(talkAt("cover: 'javascript:alert(1)'").cover).toBeUndefined();
  });

  it("says where a talkdeck key written at the top belongs", () => {
    expect(resolved("quotes: [x]\nsizes: [square]").notes).toEqual([
      "front matter: ignored keys that talkdeck does not use: quotes (talkdeck reads `quotes` under `deck` or `cards:`), sizes (talkdeck reads `sizes` under `cards:`)",
    ]);
  });

  it("names a spec file's ignored keys with the file", () => {
    const talk = readSource("---\ntheme: paper\n---\n# T\n", "/t/talk.md");
    const spec = readSource("---\nsource: ./talk.md\nlayout: post\n---\n", "/t/spec.md");
    expect(resolveConfig(talk, spec).notes).toEqual([
      "/t/spec.md: front matter: ignored keys that talkdeck does not use: layout",
    ]);
  });
});

describe("talkdeck's own keys stay strict", () => {
  it.each([
    ["them: paper", 2, "them", "theme"],
    ["title: T\nTitle: T", 3, "Title", "title"],
    ["outptu: out", 2, "outptu", "output"],
    ["lnag: en", 2, "lnag", "lang"],
    ["speeker: [Jane Roe]", 2, "speeker", "speakers"],
    ["subtilte: x", 2, "subtilte", "subtitle"],
    ["sorce: ./talk.md", 2, "sorce", "source"],
  ])("`%s` is a misspelling, at its line, with a suggestion", (frontMatter, line, key, meant) => {
    const error = errorOf(() => resolved(frontMatter));
    expect(error.code).toBe(ErrorCode.FrontMatterInvalid);
    expect(error.location).toMatchObject({ file: "/talks/talk.md", line, key });
    expect(error.message).toBe(`unknown key \`${key}\``);
    expect(error.hint).toContain(`did you mean \`${meant}\`?`);
  });

  it.each([
    ["cards:\n  sizse: [square]", 3, "cards.sizse", "sizes"],
    ["deck:\n  qoutes: auto", 3, "deck.qoutes", "quotes"],
    ["deck:\n  quotes:\n    - text: Words.\n      bye: Jane", 5, "deck.quotes[0].bye", "by"],
    ["deck:\n  quotes: { atuo: 3 }", 3, "deck.quotes.atuo", "auto"],
  ])(
    "every unknown key under deck: and cards: is an error (%s)",
    (frontMatter, line, key, meant) => {
      const error = errorOf(() => resolved(frontMatter));
      expect(error.location).toMatchObject({ line, key });
      expect(error.hint).toContain(`did you mean \`${meant}\`?`);
    },
  );

  it("tells the keys of other tools from slips of talkdeck's", () => {
    const foreign = [
      "tags",
      "keywords",
      "image",
      "images",
      "links",
      "video_id",
      "duration",
      "duration_seconds",
      "channel",
      "view_count",
      "seo_title",
      "projects",
      "layout",
      "guest",
      "guests",
      "host",
      "hosts",
      "speaker",
      "authors",
      "created",
      "published",
      "updated",
      "description",
      "categories",
      "site",
      "draft",
      "slug",
      "summary",
      "cover",
      "thumbnail",
      "lastmod",
      "series",
      "weight",
      "type",
      "time",
      "name",
      "data",
      "sources",
      "status",
      "url",
      "youtube_url",
      "episode",
      "language",
      "location",
      "event",
      "venue",
    ];
    expect(foreign.filter((key) => misspeltKey(key) !== undefined)).toEqual([]);
    const slips: Record<string, string> = {
      them: "theme",
      themes: "theme",
      tittle: "title",
      titel: "title",
      autor: "author",
      auther: "author",
      ouput: "output",
      lnag: "lang",
      dekc: "deck",
      card: "cards",
      brnad: "brand",
      plcae: "place",
      daet: "date",
      speakrs: "speakers",
      subtitel: "subtitle",
    };
    expect(Object.fromEntries(Object.keys(slips).map((key) => [key, misspeltKey(key)]))).toEqual(
      slips,
    );
  });

  it("still checks the values of its own keys, with line and what was expected", () => {
    const author = errorOf(() => resolved("title: T\nauthor: 42"));
    expect(author.location).toMatchObject({ line: 3, key: "author" });
    expect(author.hint).toContain("a name, a list of names");
    const title = errorOf(() => resolved("title: [a, b]"));
    expect(title.location).toMatchObject({ line: 2, key: "title" });
  });
});
