import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { CalendarFeedStatus } from "../../../../contracts/calendar.ts";
import { call, client } from "../../lib/api-client.ts";

export const calendarFeedKeys = {
  all: ["calendar-feed"] as const,
  mine: () => [...calendarFeedKeys.all, "mine"] as const,
};

/** Whether I have a subscription feed and since when (its URL is only in the answer that created it). */
export const myCalendarFeedQuery = () =>
  queryOptions({
    queryKey: calendarFeedKeys.mine(),
    queryFn: () => call(client.GET("/api/me/calendar-feed")),
  });

/** Creates or replaces my feed: the answer holds its URL, shown this once. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(client.POST("/api/me/calendar-feed")),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarFeedKeys.mine() }),
  });
}

/** Revokes my feed: its URL answers 404 from now on. */
export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(client.DELETE("/api/me/calendar-feed")),
    onSuccess: () => queryClient.setQueryData<CalendarFeedStatus>(calendarFeedKeys.mine(), { isActive: false, createdAt: null }),
  });
}

/** A session's .ics, for one of its pair's two people (the browser downloads it with their session cookie). */
export const sessionCalendarPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/calendar.ics`;
