import { type MantineColor, type MantineSize, Progress } from "@mantine/core";

/**
 * A progress bar that screen readers announce: its name and its value said in words ("3 modules lus sur 7").
 * The ARIA attributes go on the bar itself (the element with role="progressbar"), not on Mantine's wrapper,
 * where they are not allowed.
 */
export function LabelledProgress({
  value,
  label,
  valueText,
  color,
  size,
  animated,
}: {
  value: number;
  label: string;
  valueText: string;
  color?: MantineColor;
  size?: MantineSize;
  animated?: boolean;
}) {
  return (
    <Progress.Root size={size}>
      <Progress.Section
        value={value}
        color={color}
        animated={animated}
        aria-label={label}
        // Mantine writes "40%" there after our props; a ref runs after React has set the attributes of each render.
        ref={(bar) => bar?.setAttribute("aria-valuetext", valueText)}
      />
    </Progress.Root>
  );
}
