export { GoalsSection } from "./goals-section.tsx";
