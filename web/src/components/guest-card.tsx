import { Paper, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The frame of the pages shown before one is logged in (log in, first start, an invitation): a narrow card under the page's title. */
export function GuestCard({ title, maw = 480, children }: { title: string; maw?: number; children: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md" maw={maw} mx="auto">
      <Stack>
        <Title order={1} size="h2">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
