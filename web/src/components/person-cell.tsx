import { Avatar, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A person in a table's cell: the name, a dimmed line under it (department, role…) if any, and with `withAvatar` their initials before both. */
export function PersonCell({ name, detail, withAvatar = false }: { name: string; detail?: ReactNode; withAvatar?: boolean }) {
  const lines = (
    <>
      <Text size="sm" fw={500}>
        {name}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </>
  );
  if (!withAvatar) return lines;
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar name={name} color="initials" size="sm" aria-hidden />
      <div>{lines}</div>
    </Group>
  );
}
