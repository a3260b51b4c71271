// The conversation store on a real SQLite file in a temporary folder.
import Database from "better-sqlite3";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ConversationStore } from "./db.ts";
import { SERVER_STOPPED_REPLY } from "./replies.ts";

let dir: string;
let store: ConversationStore;

before(() => {
  dir = mkdtempSync(join(tmpdir(), "unmask-db-"));
  store = new ConversationStore(join(dir, "nested", "data"));
});

after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the data folder is created on first use and the database runs in WAL mode", () => {
  const file = join(dir, "nested", "data", "unmask.db");
  assert.ok(existsSync(file));
  const other = new Database(file, { readonly: true });
  try {
    assert.equal(other.pragma("journal_mode", { simple: true }), "wal");
  } finally {
    other.close();
  }
});

test("conversations are created, listed newest first, renamed and deleted with their messages and versions", async () => {
  const a = store.create();
  const b = store.create("Second");
  assert.equal(a.title, null);
  assert.deepEqual(
    store.list().slice(0, 2).map((c) => c.id),
    [b.id, a.id],
  );

  await new Promise((r) => setTimeout(r, 5)); // a later millisecond than the creations
  assert.equal(store.rename(a.id, "Renamed")?.title, "Renamed");
  assert.equal(store.list()[0].id, a.id, "a renamed conversation moves to the top");
  assert.equal(store.rename("no-such-id", "x"), undefined);

  store.addMessage(b.id, { role: "user", text: "hello" });
  store.addVersion(b.id, "generate", "<p>b</p>");
  assert.equal(store.delete(b.id), true);
  assert.equal(store.get(b.id), undefined);
  assert.equal(store.delete(b.id), false);
  const raw = new Database(join(dir, "nested", "data", "unmask.db"), { readonly: true });
  try {
    assert.equal((raw.prepare("SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?").get(b.id) as { n: number }).n, 0);
    assert.equal((raw.prepare("SELECT COUNT(*) AS n FROM versions WHERE conversation_id = ?").get(b.id) as { n: number }).n, 0);
  } finally {
    raw.close();
  }
});

test("a first request names an unnamed conversation, and never renames a named one", () => {
  const c = store.create();
  store.addMessage(c.id, { role: "user", text: "  Build a simulated chat app\nwith emoji" });
  store.addMessage(c.id, { role: "user", text: "Make it blue" });
  assert.equal(store.get(c.id)?.title, "Build a simulated chat app");

  const named = store.create("Mine");
  store.addMessage(named.id, { role: "user", text: "Build a timer" });
  assert.equal(store.get(named.id)?.title, "Mine");
});

test("versions chain on the current one; a restore copies an earlier one as a new version", () => {
  const c = store.create();
  const v1 = store.addVersion(c.id, "generate", "<p>one</p>");
  const v2 = store.addVersion(c.id, "edit", "<p>two</p>");
  const v3 = store.addVersion(c.id, "generate", "<p>three</p>");
  assert.equal(v1.parentId, null);
  assert.equal(v2.parentId, v1.id);
  assert.equal(v3.parentId, null, "a fresh generation starts a new line");
  assert.equal(store.head(c.id)?.id, v3.id);

  const restored = store.restore(c.id, v1.id);
  assert.ok(restored);
  assert.equal(restored.kind, "restore");
  assert.equal(restored.html, "<p>one</p>");
  assert.equal(restored.parentId, v1.id);
  assert.deepEqual(
    store.detail(c.id)?.versions.map((v) => v.kind),
    ["generate", "edit", "generate", "restore"],
  );

  const other = store.create();
  assert.equal(store.restore(other.id, v1.id), undefined, "a version restores only into its own conversation");
  assert.throws(() => store.addVersion("no-such-id", "edit", "x"), /no conversation/);
});

test("messages keep their order, status and the version they produced", () => {
  const c = store.create();
  store.addMessage(c.id, { role: "user", text: "Build a timer" });
  const v = store.addVersion(c.id, "generate", "<p>timer</p>");
  store.addMessage(c.id, { role: "assistant", text: "Here it is", versionId: v.id });
  store.addMessage(c.id, { role: "user", text: "Again" });
  store.addMessage(c.id, { role: "assistant", text: "Stopped.", status: "interrupted" });

  const detail = store.detail(c.id);
  assert.ok(detail);
  assert.deepEqual(
    detail.messages.map((m) => [m.role, m.status, m.versionId]),
    [
      ["user", "complete", null],
      ["assistant", "complete", v.id],
      ["user", "complete", null],
      ["assistant", "interrupted", null],
    ],
  );
  assert.equal(store.detail("no-such-id"), undefined);
});

test("a second connection reads what the first wrote (the file, not memory)", () => {
  const c = store.create("Persisted");
  store.addVersion(c.id, "generate", "<p>kept</p>");
  const again = new ConversationStore(join(dir, "nested", "data"));
  try {
    assert.equal(again.detail(c.id)?.versions[0].html, "<p>kept</p>");
  } finally {
    again.close();
  }
});

test("at open, a request left without a reply (the server died mid-generation) gets an interrupted one, once", () => {
  const data = join(dir, "reopened");
  const first = new ConversationStore(data);
  const answered = first.create();
  first.addMessage(answered.id, { role: "user", text: "Build a timer" });
  first.addMessage(answered.id, { role: "assistant", text: "Here it is" });
  const cut = first.create();
  first.addMessage(cut.id, { role: "user", text: "Build a clock" });
  first.close();

  for (let open = 0; open < 2; open++) {
    const reopened = new ConversationStore(data);
    try {
      assert.deepEqual(reopened.detail(answered.id)?.messages.map((m) => m.text), ["Build a timer", "Here it is"]);
      assert.deepEqual(
        reopened.detail(cut.id)?.messages.map((m) => [m.role, m.text, m.status]),
        [
          ["user", "Build a clock", "complete"],
          ["assistant", SERVER_STOPPED_REPLY, "interrupted"],
        ],
      );
    } finally {
      reopened.close();
    }
  }
});
