/**
 * dayjs as the app uses it: French month and day names registered, and typed dates parsed by format
 * ("20/12/2026"). Import dayjs from here rather than from "dayjs": the date pickers format with the
 * global dayjs, which must know French before they render. Kept out of the first page's bundle.
 */
import dayjs from "dayjs";
import "dayjs/locale/fr";
import customParseFormat from "dayjs/plugin/customParseFormat";

dayjs.extend(customParseFormat);

export default dayjs;
