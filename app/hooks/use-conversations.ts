"use client";
import { useCallback, useEffect, useState } from "react";
import type { Conversation } from "@/lib/db";
import { conversationsApi } from "@/lib/conversations-client";

/** The sidebar's list of conversations, most recently used first. */
export function useConversations() {
  const [conversations, setConversations] = useState<Conversation[] | null>(null);

  const refresh = useCallback(async () => {
    setConversations(await conversationsApi.list());
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const rename = useCallback(
    async (id: string, title: string) => {
      await conversationsApi.rename(id, title);
      await refresh();
    },
    [refresh],
  );

  const remove = useCallback(
    async (id: string) => {
      await conversationsApi.remove(id);
      await refresh();
    },
    [refresh],
  );

  return { conversations, refresh, rename, remove };
}
