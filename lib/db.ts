// The conversation store: conversations, their chat messages and every version of
// their artifact, in one SQLite file (WAL mode) inside the data folder.
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { SERVER_STOPPED_REPLY } from "./replies.ts";

/** How a version came to be: a generation, an infill (regenerate, fix), a manual edit, a follow-up, a restore. */
export const VERSION_KINDS = ["generate", "regenerate", "fix", "edit", "refine", "restore"] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** An assistant message is interrupted when its generation was stopped or failed. */
export type MessageStatus = "complete" | "interrupted";

export interface Conversation {
  id: string;
  /** Null until the person names it or sends a first message. */
  title: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface Message {
  id: number;
  role: "user" | "assistant";
  text: string;
  status: MessageStatus;
  /** The version an assistant reply produced. */
  versionId: number | null;
  createdAt: number;
}

export interface Version {
  id: number;
  /** The version this one was made from; null for a fresh generation. */
  parentId: number | null;
  kind: VersionKind;
  html: string;
  createdAt: number;
}

export interface ConversationDetail extends Conversation {
  messages: Message[];
  /** Oldest first: the last one is the current artifact. */
  versions: Version[];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY,
  title TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES versions(id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN (${VERSION_KINDS.map((k) => `'${k}'`).join(", ")})),
  html TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
  text TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('complete', 'interrupted')),
  version_id INTEGER REFERENCES versions(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_by_conversation ON versions(conversation_id, id);
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages(conversation_id, id);
`;

const CONVERSATION = "id, title, created_at AS createdAt, updated_at AS updatedAt";
const MESSAGE = "id, role, text, status, version_id AS versionId, created_at AS createdAt";
const VERSION = "id, parent_id AS parentId, kind, html, created_at AS createdAt";

/** A conversation without a name takes the start of its first request. */
const TITLE_CHARS = 60;

export class ConversationStore {
  private readonly db: Database.Database;

  /** Opens (creating it if needed) `unmask.db` in `dataDir`. */
  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, "unmask.db"));
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("foreign_keys = ON");
    this.db.exec(SCHEMA);
    this.markUnanswered();
  }

  /**
   * A request whose reply was never saved had its generation cut off by the server stopping
   * (a crash, a kill: a stopped or failed one gets its reply saved). At open nothing is
   * generating yet, so every such request gets an interrupted reply saying so.
   */
  private markUnanswered() {
    this.db
      .prepare(
        `INSERT INTO messages (conversation_id, role, text, status, version_id, created_at)
         SELECT m.conversation_id, 'assistant', ?, 'interrupted', NULL, ? FROM messages m
         WHERE m.role = 'user' AND m.id = (SELECT MAX(id) FROM messages WHERE conversation_id = m.conversation_id)`,
      )
      .run(SERVER_STOPPED_REPLY, Date.now());
  }

  list(): Conversation[] {
    return this.db.prepare(`SELECT ${CONVERSATION} FROM conversations ORDER BY updated_at DESC, rowid DESC`).all() as Conversation[];
  }

  get(id: string): Conversation | undefined {
    return this.db.prepare(`SELECT ${CONVERSATION} FROM conversations WHERE id = ?`).get(id) as Conversation | undefined;
  }

  detail(id: string): ConversationDetail | undefined {
    const conversation = this.get(id);
    if (!conversation) return undefined;
    const messages = this.db.prepare(`SELECT ${MESSAGE} FROM messages WHERE conversation_id = ? ORDER BY id`).all(id) as Message[];
    const versions = this.db.prepare(`SELECT ${VERSION} FROM versions WHERE conversation_id = ? ORDER BY id`).all(id) as Version[];
    return { ...conversation, messages, versions };
  }

  create(title: string | null = null): Conversation {
    const now = Date.now();
    const conversation = { id: randomUUID(), title, createdAt: now, updatedAt: now };
    this.db.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)").run(conversation.id, title, now, now);
    return conversation;
  }

  rename(id: string, title: string): Conversation | undefined {
    this.db.prepare("UPDATE conversations SET title = ?, updated_at = ? WHERE id = ?").run(title, Date.now(), id);
    return this.get(id);
  }

  /** Deletes a conversation with its messages and versions; false when there was none. */
  delete(id: string): boolean {
    return this.db.prepare("DELETE FROM conversations WHERE id = ?").run(id).changes > 0;
  }

  addMessage(
    conversationId: string,
    m: { role: Message["role"]; text: string; status?: MessageStatus; versionId?: number | null },
  ): Message {
    const now = Date.now();
    const title = m.role === "user" ? m.text.trim().split("\n")[0].slice(0, TITLE_CHARS) : null;
    const add = this.db.transaction(() => {
      this.touch(conversationId, now, title);
      const { lastInsertRowid } = this.db
        .prepare("INSERT INTO messages (conversation_id, role, text, status, version_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .run(conversationId, m.role, m.text, m.status ?? "complete", m.versionId ?? null, now);
      return this.db.prepare(`SELECT ${MESSAGE} FROM messages WHERE id = ?`).get(lastInsertRowid) as Message;
    });
    return add();
  }

  /**
   * Adds a version on top of the current one (its parent), or, for a fresh
   * generation, with no parent.
   */
  addVersion(conversationId: string, kind: Exclude<VersionKind, "restore">, html: string): Version {
    const head = kind === "generate" ? null : (this.head(conversationId)?.id ?? null);
    return this.insertVersion(conversationId, kind, html, head);
  }

  /** Makes an earlier version current again, as a new version; undefined when it is not this conversation's. */
  restore(conversationId: string, versionId: number): Version | undefined {
    const source = this.db.prepare(`SELECT ${VERSION} FROM versions WHERE id = ? AND conversation_id = ?`).get(versionId, conversationId) as
      | Version
      | undefined;
    return source && this.insertVersion(conversationId, "restore", source.html, source.id);
  }

  /** The current artifact: the latest version. */
  head(conversationId: string): Version | undefined {
    return this.db.prepare(`SELECT ${VERSION} FROM versions WHERE conversation_id = ? ORDER BY id DESC LIMIT 1`).get(conversationId) as
      | Version
      | undefined;
  }

  close(): void {
    this.db.close();
  }

  private insertVersion(conversationId: string, kind: VersionKind, html: string, parentId: number | null): Version {
    const now = Date.now();
    const insert = this.db.transaction(() => {
      this.touch(conversationId, now, null);
      const { lastInsertRowid } = this.db
        .prepare("INSERT INTO versions (conversation_id, parent_id, kind, html, created_at) VALUES (?, ?, ?, ?, ?)")
        .run(conversationId, parentId, kind, html, now);
      return this.db.prepare(`SELECT ${VERSION} FROM versions WHERE id = ?`).get(lastInsertRowid) as Version;
    });
    return insert();
  }

  /** Marks a conversation as just used; `title` names it only when it has no name yet. */
  private touch(id: string, now: number, title: string | null) {
    const { changes } = this.db.prepare("UPDATE conversations SET updated_at = ?, title = COALESCE(title, ?) WHERE id = ?").run(now, title || null, id);
    if (!changes) throw new Error(`no conversation ${id}`);
  }
}

const globalForStore = globalThis as unknown as { unmaskStore?: ConversationStore };

/** The server's one store, in UNMASK_DATA_DIR (default `data/`), opened on first use. */
export function db(): ConversationStore {
  // Kept on globalThis so that hot reloads in development do not open a second connection.
  globalForStore.unmaskStore ??= new ConversationStore(process.env.UNMASK_DATA_DIR ?? "data");
  return globalForStore.unmaskStore;
}
