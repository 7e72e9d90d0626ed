import { Card, type CardProps, Text, Title, type TitleProps } from "@mantine/core";
import { type ReactNode, useId } from "react";

/** A bordered section of a page with its heading (which names the section) and an optional line below it. */
export function SectionCard({
  title,
  titleSize = "h3",
  description,
  children,
  ...props
}: Omit<CardProps, "title"> & { title: string; titleSize?: TitleProps["size"]; description?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <Card withBorder component="section" aria-labelledby={id} {...props}>
      <Title order={2} size={titleSize} id={id} mb={description ? 2 : "sm"}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Card>
  );
}
